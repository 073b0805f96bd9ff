import { describe, expect, it } from 'vitest';
import { batch } from '../../../src/client/actions/batch.js';
import { keypairFromUri, keypairSigner } from '../../../src/index.js';
import { ScriptedNode } from '../scripted-node.js';

const cold = keypairSigner(keypairFromUri('//Alice'));
const pay = { method: 'transfer', args: { dest: `0x${'11'.repeat(32)}`, amount: 5n } };

describe('batch', () => {
  it('sends batch_all by default and reads per-item results from the events', async () => {
    const node = new ScriptedNode();
    node.result = {
      ok: true,
      fee: '1000',
      events: [
        { name: 'Transfer', data: {} },
        { name: 'ItemCompleted', data: {} },
        { name: 'ItemFailed', data: { error: { code: 'ZeroAmount', explanation: 'x' } } },
        { name: 'BatchCompletedWithErrors', data: {} },
      ],
    };
    const r = await batch(node, cold, { calls: [pay, pay], mode: 'force_batch' });
    expect(node.sent).toEqual({ method: 'force_batch', args: { calls: [pay, pay] } });
    expect(r.items).toEqual([{ ok: true }, { ok: false, code: 'ZeroAmount' }]);
    const all = new ScriptedNode();
    await batch(all, cold, { calls: [pay] });
    expect(all.sent.method).toBe('batch_all');
  });
});
