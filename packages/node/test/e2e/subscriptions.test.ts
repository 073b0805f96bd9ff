/**
 * Subscriptions over WebSocket on a real node: new and finalized heads, a watched extrinsic going
 * ready → inBlock → finalized, one dropped and one invalid with a reason, and unsubscribing.
 */
import { toHex } from '@taonet/primitives';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { key, NodeProcess, type RpcReply, WsClient } from './harness.js';

const alice = key('Alice');
const bob = key('Bob');
const charlie = key('Charlie');

let node: NodeProcess;
let ws: WsClient;

beforeAll(async () => {
  node = await NodeProcess.start();
  ws = await WsClient.connect(node.wsUrl);
});

afterAll(async () => {
  await ws?.close();
  await node?.kill();
});

interface HeadJson {
  hash: string;
  number: string;
  parentHash: string;
  stateRoot: string;
}

describe('subscriptions', () => {
  it('chain_subscribeNewHeads and chain_subscribeFinalizedHeads follow dev_advanceBlocks; unsubscribe stops them', async () => {
    const sNew = await ws.rpc<string>('chain_subscribeNewHeads');
    const sFin = await ws.rpc<string>('chain_subscribeFinalizedHeads');
    expect(sNew).not.toBe(sFin);
    const made = await ws.rpc<{ head: string; hashes: string[] }>('dev_advanceBlocks', [3]);
    const heads = await ws.waitFor(sNew, 3);
    const fins = await ws.waitFor(sFin, 3);
    expect(heads.every((h) => h.method === 'chain_newHead')).toBe(true);
    expect(fins.every((h) => h.method === 'chain_finalizedHead')).toBe(true);
    expect(heads.map((h) => (h.result as HeadJson).hash)).toEqual(made.hashes);
    expect(fins.map((h) => (h.result as HeadJson).hash)).toEqual(made.hashes);
    const last = heads.at(-1)?.result as HeadJson;
    expect(last.number).toBe(made.head);
    // Each header links to the one before.
    const [h0, h1] = heads.map((h) => h.result as HeadJson);
    expect(h1?.parentHash).toBe(h0?.hash);
    // The notification agrees with chain_getHeader and chain_getBlockHash.
    expect(await ws.rpc<HeadJson>('chain_getHeader', [last.hash])).toMatchObject({
      hash: last.hash,
      stateRoot: last.stateRoot,
    });
    expect(await ws.rpc('chain_getBlockHash', [Number(last.number)])).toBe(last.hash);
    expect(await ws.rpc('chain_getFinalizedHead')).toBe(last.hash);

    expect(await ws.rpc('chain_unsubscribeNewHeads', [sNew])).toBe(true);
    expect(await ws.rpc('chain_unsubscribeNewHeads', [sNew])).toBe(false);
    expect(await ws.rpc('chain_unsubscribeFinalizedHeads', [sFin])).toBe(true);
    await ws.rpc('dev_advanceBlocks', [2]);
    await new Promise((r) => setTimeout(r, 100));
    expect(ws.notifications(sNew)).toHaveLength(3);
    expect(ws.notifications(sFin)).toHaveLength(3);
  });

  it('author_submitAndWatchExtrinsic: ready → inBlock → finalized, the subscription reply first', async () => {
    const tx = await node.sign(alice, 'transfer', { dest: bob.id, amount: 1000n });
    const order: string[] = [];
    const onMsg = (d: Buffer): void => {
      const m = JSON.parse(d.toString()) as { id?: number; method?: string };
      order.push(m.method ?? 'reply');
    };
    ws.ws.on('message', onMsg);
    const sid = await ws.rpc<string>('author_submitAndWatchExtrinsic', [toHex(tx.bytes)]);
    await ws.waitFor(sid, 1);
    expect(order.slice(0, 2)).toEqual(['reply', 'author_extrinsicUpdate']);
    ws.ws.off('message', onMsg);
    const made = await ws.rpc<{ hashes: string[] }>('dev_advanceBlocks', [1]);
    const updates = (await ws.waitFor(sid, 3)).map(
      (n) => n.result as { type: string; blockHash?: string; ok?: boolean },
    );
    expect(updates.map((u) => u.type)).toEqual(['ready', 'inBlock', 'finalized']);
    expect(updates[1]).toMatchObject({ blockHash: made.hashes[0], ok: true, index: 0 });
    expect(updates[2]?.blockHash).toBe(made.hashes[0]);
    const status = await ws.rpc<{ status: string; blockHash: string }>('taonet_extrinsicStatus', [tx.hash]);
    expect(status).toMatchObject({ status: 'inBlock', blockHash: made.hashes[0] });
  });

  it('a future-nonce transaction reports "future", and an included failing call reports its error', async () => {
    const next = await node.nextNonce(charlie);
    const ahead = await node.sign(charlie, 'transfer', { dest: bob.id, amount: 1n }, { nonce: next + 1n });
    const sidAhead = await ws.rpc<string>('author_submitAndWatchExtrinsic', [toHex(ahead.bytes)]);
    expect((await ws.waitFor(sidAhead, 1))[0]?.result).toEqual({ type: 'future' });
    const failing = await node.sign(charlie, 'transfer', { dest: bob.id, amount: 0n }, { nonce: next });
    const sidFail = await ws.rpc<string>('author_submitAndWatchExtrinsic', [toHex(failing.bytes)]);
    await ws.rpc('dev_advanceBlocks', [1]);
    const u = (await ws.waitFor(sidFail, 3)).map(
      (n) => n.result as { type: string; ok?: boolean; error?: { code: string } },
    );
    expect(u.map((x) => x.type)).toEqual(['ready', 'inBlock', 'finalized']);
    expect(u[1]).toMatchObject({ ok: false, error: { code: 'ZeroAmount' } });
    expect((await ws.waitFor(sidAhead, 3)).map((n) => (n.result as { type: string }).type)).toEqual([
      'future',
      'inBlock',
      'finalized',
    ]);
  });

  it('dropped with a reason: a waiting transaction whose era runs out', async () => {
    const next = await node.nextNonce(bob);
    // One waits for a nonce gap to fill; another, short-lived, expires while waiting and is dropped.
    const watched = await node.sign(bob, 'transfer', { dest: alice.id, amount: 5n }, { nonce: next + 1n });
    const sid = await ws.rpc<string>('author_submitAndWatchExtrinsic', [toHex(watched.bytes)]);
    await ws.waitFor(sid, 1);
    const shortLived = await node.sign(
      bob,
      'transfer',
      { dest: alice.id, amount: 6n },
      { nonce: next + 2n, period: 1 },
    );
    const sidShort = await ws.rpc<string>('author_submitAndWatchExtrinsic', [toHex(shortLived.bytes)]);
    await ws.rpc('dev_advanceBlocks', [1]);
    const dropped = (await ws.waitFor(sidShort, 2)).map((n) => n.result as { type: string; reason?: { code: string } });
    expect(dropped[1]).toMatchObject({ type: 'dropped', reason: { code: 'ExpiredTransaction' } });
    // The watched one is still waiting for nonce `next`.
    expect(ws.notifications(sid)).toHaveLength(1);
    expect(await ws.rpc<string[]>('author_pendingExtrinsics')).toContain(toHex(watched.bytes));
  });

  it('invalid with a reason: refused at the door as an error reply, or left out of a block', async () => {
    const bad = await node.sign(alice, 'transfer', { dest: bob.id, amount: 1n }, { nonce: 0n });
    const r: RpcReply = await ws.request('author_submitAndWatchExtrinsic', [toHex(bad.bytes)]);
    expect(r.error?.data.name).toBe('StaleNonce');
    // A poor account's second transaction becomes unable to pay once its first is included.
    const poor = key('//Poor//one');
    const fee = 100_000n + 400n;
    await node.exec(alice, 'transfer', { dest: poor.id, amount: 1_000n + fee + 200n });
    const first = await node.sign(poor, 'transfer', { dest: bob.id, amount: 1_000n }, { nonce: 0n });
    const second = await node.sign(poor, 'transfer', { dest: bob.id, amount: 1n }, { nonce: 1n });
    const s1 = await ws.rpc<string>('author_submitAndWatchExtrinsic', [toHex(first.bytes)]);
    const s2 = await ws.rpc<string>('author_submitAndWatchExtrinsic', [toHex(second.bytes)]);
    await ws.rpc('dev_advanceBlocks', [1]);
    expect((await ws.waitFor(s1, 3)).map((n) => (n.result as { type: string }).type)).toEqual([
      'ready',
      'inBlock',
      'finalized',
    ]);
    const u2 = (await ws.waitFor(s2, 2)).map((n) => n.result as { type: string; error?: { code: string } });
    expect(u2[1]).toMatchObject({ type: 'invalid', error: { code: 'InsufficientFeeBalance' } });
  });

  it('author_unwatchExtrinsic stops the updates; closing the socket ends its subscriptions', async () => {
    const tx = await node.sign(alice, 'transfer', { dest: bob.id, amount: 7n });
    const sid = await ws.rpc<string>('author_submitAndWatchExtrinsic', [toHex(tx.bytes)]);
    await ws.waitFor(sid, 1);
    expect(await ws.rpc('author_unwatchExtrinsic', [sid])).toBe(true);
    await ws.rpc('dev_advanceBlocks', [1]);
    await new Promise((r) => setTimeout(r, 100));
    expect(ws.notifications(sid)).toHaveLength(1);
    expect((await node.resultOf(tx.hash)).ok).toBe(true);

    const other = await WsClient.connect(node.wsUrl);
    await other.rpc('chain_subscribeNewHeads');
    await other.close();
    await ws.rpc('dev_advanceBlocks', [1]);
    expect(await node.rpc('system_health')).toMatchObject({ isSyncing: false });
  });

  it('a node sealing on a timer pushes heads by itself and refuses dev_advanceBlocks', async () => {
    const timed = await NodeProcess.start({ manualSeal: false, args: ['--block-time', '100'] });
    try {
      const c = await WsClient.connect(timed.wsUrl);
      const sid = await c.rpc<string>('chain_subscribeNewHeads');
      const heads = await c.waitFor(sid, 3, 10_000);
      const nums = heads.map((h) => BigInt((h.result as HeadJson).number));
      expect(nums[1]).toBe((nums[0] as bigint) + 1n);
      const r = await c.request('dev_advanceBlocks', [1]);
      expect(r.error?.data.name).toBe('NotAvailable');
      await c.close();
    } finally {
      await timed.kill();
    }
  });
});
