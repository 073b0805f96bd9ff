import { describe, expect, it } from 'vitest';
import { registrationPrices } from '../../../src/client/actions/registration-prices.js';
import { ScriptedNode } from '../scripted-node.js';

describe('registrationPrices', () => {
  it('types the price per netuid and the network lock cost', async () => {
    const node = new ScriptedNode({
      taonet_registrationPrices: () => ({ neuron: { '1': '100', '7': '200' }, network: '1000000000000' }),
    });
    const r = await registrationPrices(node);
    expect(r.neuron[1]?.rao).toBe(100n);
    expect(r.neuron[7]?.rao).toBe(200n);
    expect(r.network.rao).toBe(1_000_000_000_000n);
  });
});
