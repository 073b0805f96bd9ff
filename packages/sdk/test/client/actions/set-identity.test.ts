import { describe, expect, it } from 'vitest';
import { identities, identity } from '../../../src/client/actions/identity.js';
import { setIdentity } from '../../../src/client/actions/set-identity.js';
import { keypairFromUri, keypairSigner, toHex } from '../../../src/index.js';
import { ScriptedNode } from '../scripted-node.js';

const cold = keypairSigner(keypairFromUri('//Alice'));
const bob = keypairFromUri('//Bob');
const empty = { name: '', url: '', githubRepo: '', image: '', discord: '', description: '', additional: '' };

describe('setIdentity / identity / identities', () => {
  it('sends every field, the missing ones empty', async () => {
    const node = new ScriptedNode();
    await setIdentity(node, cold, { name: 'Alice', discord: 'alice#1' });
    expect(node.sent).toEqual({ method: 'set_identity', args: { ...empty, name: 'Alice', discord: 'alice#1' } });
  });

  it('reads one identity by public key and all of them with SS58 coldkeys', async () => {
    const node = new ScriptedNode({
      taonet_identity: () => ({ ...empty, name: 'Bob' }),
      taonet_identities: () => [{ coldkey: toHex(bob.publicKey), identity: { ...empty, name: 'Bob' } }],
    });
    expect((await identity(node, { coldkey: bob.ss58Address }))?.name).toBe('Bob');
    expect(node.calls[0]?.params).toEqual([toHex(bob.publicKey)]);
    expect(await identities(node)).toEqual([{ coldkey: bob.ss58Address, identity: { ...empty, name: 'Bob' } }]);
  });
});
