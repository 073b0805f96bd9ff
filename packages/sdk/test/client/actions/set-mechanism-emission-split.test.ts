import { describe, expect, it } from 'vitest';
import { setMechanismEmissionSplit } from '../../../src/client/actions/set-mechanism-emission-split.js';
import { InvalidInput, keypairFromUri, keypairSigner } from '../../../src/index.js';
import { ScriptedNode } from '../scripted-node.js';

const owner = keypairSigner(keypairFromUri('//Bob'));

describe('setMechanismEmissionSplit', () => {
  it('sends the parts, or null for the even split', async () => {
    const node = new ScriptedNode();
    await setMechanismEmissionSplit(node, owner, { netuid: 3, split: [16383, 49152] });
    expect(node.sent).toEqual({
      method: 'sudo_set_mechanism_emission_split',
      args: { netuid: 3, maybeSplit: [16383, 49152] },
    });
    const even = new ScriptedNode();
    await setMechanismEmissionSplit(even, owner, { netuid: 3, split: null });
    expect(even.sent).toEqual({ method: 'sudo_set_mechanism_emission_split', args: { netuid: 3, maybeSplit: null } });
  });

  it('refuses parts that are not u16 before signing', async () => {
    const node = new ScriptedNode();
    await expect(setMechanismEmissionSplit(node, owner, { netuid: 3, split: [70000] })).rejects.toBeInstanceOf(
      InvalidInput,
    );
    expect(node.submitted).toEqual([]);
  });
});
