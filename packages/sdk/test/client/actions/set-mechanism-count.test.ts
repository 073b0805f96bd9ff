import { describe, expect, it } from 'vitest';
import { setMechanismCount } from '../../../src/client/actions/set-mechanism-count.js';
import { keypairFromUri, keypairSigner } from '../../../src/index.js';
import { ScriptedNode } from '../scripted-node.js';

const owner = keypairSigner(keypairFromUri('//Bob'));

describe('setMechanismCount', () => {
  it("signs subtensor's sudo_set_mechanism_count", async () => {
    const node = new ScriptedNode();
    const r = await setMechanismCount(node, owner, { netuid: 3, count: 2 });
    expect(node.sent).toEqual({ method: 'sudo_set_mechanism_count', args: { netuid: 3, mechanismCount: 2 } });
    expect(r.ok).toBe(true);
  });

  it('returns a chain refusal with its code and hint', async () => {
    const node = new ScriptedNode({
      taonet_dryRun: () => ({
        code: 'TooManyUIDsPerMechanism',
        explanation: 'x',
        hint: 'lower maxAllowedUids to 128 first',
      }),
    });
    const r = await setMechanismCount(node, owner, { netuid: 3, count: 2 });
    expect(r.ok).toBe(false);
    expect(r.code).toBe('TooManyUIDsPerMechanism');
  });
});
