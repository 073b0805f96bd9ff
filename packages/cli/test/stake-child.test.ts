/**
 * `taonet stake child get|set|revoke|take` with --json against a real dev node: a subnet that has
 * not started applies a children list at once, `get` shows it, and refusals come back typed with
 * a hint (client-side argument checks and the chain's rate limit alike).
 */
import { keypairFromUri, keypairSigner, Subtensor } from '@taonet/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DevNode, startDevNode, taonetJson } from './utils/dev-node.js';

let node: DevNode | undefined;
let ws = '';

const taonet = (...args: string[]): Promise<Record<string, unknown>> => taonetJson(ws, args);

beforeAll(async () => {
  node = await startDevNode();
  ws = node.ws;
}, 60_000);

afterAll(() => {
  node?.stop();
});

describe('taonet stake child', () => {
  it('sets, gets, refuses with hints, and sets a take', async () => {
    const parent = keypairFromUri('//Alice//child-parent').ss58Address;
    const child = keypairFromUri('//Bob//child').ss58Address;
    const st = await Subtensor.connect(ws);
    let netuid = '';
    try {
      const r = await st.registerNetwork(keypairSigner(keypairFromUri('//Alice')), parent);
      expect(r.ok, `${r.code}: ${r.hint}`).toBe(true);
      netuid = String(r.events.find((e) => e.name === 'NetworkAdded')?.data.netuid);
    } finally {
      st.close();
    }
    const common = ['--netuid', netuid, '--hotkey-address', parent, '--uri', '//Alice'];

    const set = await taonet('stake', 'child', 'set', ...common, '--children', child, '--proportions', '0.5');
    expect(set.success, JSON.stringify(set)).toBe(true);

    const got = (await taonet('stake', 'child', 'get', '--netuid', netuid, '--hotkey-address', parent)) as {
      children: { hotkey: string; proportion: string }[];
      pending: unknown;
    };
    expect(got.children).toEqual([{ hotkey: child, proportion: String(((1n << 64n) - 1n) / 2n) }]);
    expect(got.pending).toBeNull();

    const mismatch = await taonet('stake', 'child', 'set', ...common, '--children', child, '--proportions', '0.5,0.5');
    expect(mismatch).toMatchObject({ success: false, code: 'InvalidArgument' });
    expect(String(mismatch.hint)).toMatch(/same length/);

    const again = await taonet('stake', 'child', 'revoke', ...common);
    expect(again).toMatchObject({ success: false, code: 'TxRateLimitExceeded' });
    expect(String(again.hint)).toMatch(/next allowed at block \d+/);

    const tooHigh = await taonet('stake', 'child', 'take', ...common, '--take', '30');
    expect(tooHigh).toMatchObject({ success: false, code: 'InvalidArgument' });
    const take = await taonet('stake', 'child', 'take', ...common, '--take', '9');
    expect(take).toMatchObject({ success: true, take: 5898 });
    const after = await taonet('stake', 'child', 'get', '--netuid', netuid, '--hotkey-address', parent);
    expect(after.childkeyTake).toBe(5898);
  }, 180_000);
});
