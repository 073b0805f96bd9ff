/** set_identity through real blocks: the stored identity, its byte limits, and who may set one. */
import { describe, expect, it } from 'vitest';
import { storage } from '../src/index.js';
import { acct, TestChain } from './utils/chain.js';
import { refuses } from './utils/expect-error.js';

describe('set_identity', () => {
  it('stores every field for a coldkey with a registered hotkey; missing fields are empty', () => {
    const chain = new TestChain();
    chain.subnet('alice');
    const r = chain.ok('alice', 'set_identity', {
      name: 'Alice',
      githubRepo: 'alice/validator',
      description: 'é'.repeat(512),
    });
    expect(r.events.find((e) => e.name === 'ChainIdentitySet')?.data).toEqual({ coldkey: acct('alice') });
    expect(chain.state.get(storage.Identities, acct('alice'))).toEqual({
      name: 'Alice',
      url: '',
      githubRepo: 'alice/validator',
      image: '',
      discord: '',
      description: 'é'.repeat(512),
      additional: '',
    });
    chain.ok('alice', 'set_identity', { name: 'Alice 2' });
    expect(chain.state.get(storage.Identities, acct('alice'))?.name).toBe('Alice 2');
  });

  it('HotKeyNotRegisteredInNetwork without a registered hotkey, InvalidIdentity past a byte limit', () => {
    const chain = new TestChain();
    chain.subnet('alice');
    refuses(chain, 'bob', 'set_identity', { name: 'Bob' }, 'HotKeyNotRegisteredInNetwork', { hint: /register one/ });
    refuses(chain, 'alice', 'set_identity', { name: 'x'.repeat(257) }, 'InvalidIdentity', {
      hint: /^name is 257 bytes; at most 256$/,
    });
    // The limit counts UTF-8 bytes: 513 two-byte characters are 1026 bytes.
    refuses(chain, 'alice', 'set_identity', { description: 'é'.repeat(513) }, 'InvalidIdentity', {
      hint: /^description is 1026 bytes; at most 1024$/,
    });
    refuses(chain, 'alice', 'set_identity', { name: 7 }, 'InvalidArgument');
  });
});
