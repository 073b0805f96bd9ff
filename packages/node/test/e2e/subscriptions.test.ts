/**
 * Subscriptions over WebSocket on a real node: new and finalized heads, a watched extrinsic going
 * ready → inBlock → finalized, one dropped and one invalid with a reason, and unsubscribing.
 */
import { blake2b256, concatBytes, fromHex, toHex } from '@taonet/primitives';
import { encodeCompact } from '@taonet/primitives/substrate';
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

/** Substrate's JSON header: the number and the digest logs in hex, no hash. */
interface SubstrateHeadJson {
  parentHash: string;
  number: string;
  stateRoot: string;
  extrinsicsRoot: string;
  digest: { logs: string[] };
}

/** blake2b-256 of the SCALE header, rebuilt from its JSON: what a Substrate client computes. */
function substrateHash(h: SubstrateHeadJson): string {
  return toHex(
    blake2b256(
      concatBytes(
        fromHex(h.parentHash),
        encodeCompact(BigInt(h.number)),
        fromHex(h.stateRoot),
        fromHex(h.extrinsicsRoot),
        encodeCompact(h.digest.logs.length),
        ...h.digest.logs.map(fromHex),
      ),
    ),
  );
}

/** A watched extrinsic's notification as a status name ("inBlock" for {inBlock: hash}). */
const statusName = (u: unknown): string => (typeof u === 'string' ? u : (Object.keys(u as object)[0] ?? '?'));

describe('subscriptions', () => {
  it('chain_subscribe{New,Finalized,All}Heads push Substrate headers, taonet_subscribe* Taonet’s view; unsubscribe stops them', async () => {
    const sNew = await ws.rpc<string>('chain_subscribeNewHeads');
    const sFin = await ws.rpc<string>('chain_subscribeFinalizedHeads');
    const sAll = await ws.rpc<string>('chain_subscribeAllHeads');
    const tNew = await ws.rpc<string>('taonet_subscribeNewHeads');
    const tFin = await ws.rpc<string>('taonet_subscribeFinalizedHeads');
    expect(new Set([sNew, sFin, sAll, tNew, tFin]).size).toBe(5);
    const made = await ws.rpc<{ head: string; hashes: string[] }>('dev_advanceBlocks', [3]);
    const heads = await ws.waitFor(sNew, 3);
    const fins = await ws.waitFor(sFin, 3);
    const all = await ws.waitFor(sAll, 3);
    expect(heads.every((h) => h.method === 'chain_newHead')).toBe(true);
    expect(fins.every((h) => h.method === 'chain_finalizedHead')).toBe(true);
    expect(all.every((h) => h.method === 'chain_allHead')).toBe(true);
    // The block hash is blake2b-256 of the SCALE header, seal included.
    for (const sub of [heads, fins, all])
      expect(sub.map((h) => substrateHash(h.result as SubstrateHeadJson))).toEqual(made.hashes);
    const sh = heads.map((h) => h.result as SubstrateHeadJson);
    expect(sh[1]?.parentHash).toBe(made.hashes[0]);
    expect(sh.at(-1)?.number).toBe(`0x${BigInt(made.head).toString(16)}`);
    // An Aura pre-runtime digest with the slot first, the seal last.
    for (const h of sh) {
      expect(h.digest.logs[0]?.startsWith(`0x06${toHex(new TextEncoder().encode('aura')).slice(2)}`)).toBe(true);
      expect(h.digest.logs.at(-1)?.startsWith(`0x05${toHex(new TextEncoder().encode('aura')).slice(2)}`)).toBe(true);
    }
    const lastHash = made.hashes.at(-1) as string;
    expect(await ws.rpc('chain_getHeader', [lastHash])).toEqual(sh.at(-1));

    // Taonet's view carries the hash and the number in decimal; it agrees with taonet_getHeader.
    const theads = (await ws.waitFor(tNew, 3)).map((h) => h.result as HeadJson);
    const tfins = (await ws.waitFor(tFin, 3)).map((h) => h.result as HeadJson);
    expect(ws.notifications(tNew).every((h) => h.method === 'taonet_newHead')).toBe(true);
    expect(ws.notifications(tFin).every((h) => h.method === 'taonet_finalizedHead')).toBe(true);
    expect(theads.map((h) => h.hash)).toEqual(made.hashes);
    expect(tfins.map((h) => h.hash)).toEqual(made.hashes);
    const last = theads.at(-1) as HeadJson;
    expect(last.number).toBe(made.head);
    expect(theads[1]?.parentHash).toBe(theads[0]?.hash);
    expect(await ws.rpc<HeadJson>('taonet_getHeader', [last.hash])).toMatchObject({
      hash: last.hash,
      stateRoot: last.stateRoot,
    });
    expect(last.stateRoot).toBe(sh.at(-1)?.stateRoot);
    expect(await ws.rpc('chain_getBlockHash', [Number(last.number)])).toBe(last.hash);
    expect(await ws.rpc('chain_getFinalizedHead')).toBe(last.hash);

    expect(await ws.rpc('chain_unsubscribeNewHeads', [sNew])).toBe(true);
    expect(await ws.rpc('chain_unsubscribeNewHeads', [sNew])).toBe(false);
    expect(await ws.rpc('chain_unsubscribeFinalizedHeads', [sFin])).toBe(true);
    expect(await ws.rpc('chain_unsubscribeAllHeads', [sAll])).toBe(true);
    expect(await ws.rpc('taonet_unsubscribeNewHeads', [tNew])).toBe(true);
    expect(await ws.rpc('taonet_unsubscribeFinalizedHeads', [tFin])).toBe(true);
    await ws.rpc('dev_advanceBlocks', [2]);
    await new Promise((r) => setTimeout(r, 100));
    for (const sub of [sNew, sFin, sAll, tNew, tFin]) expect(ws.notifications(sub)).toHaveLength(3);
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
    const updates = (await ws.waitFor(sid, 3)).map((n) => n.result);
    expect(updates).toEqual(['ready', { inBlock: made.hashes[0] }, { finalized: made.hashes[0] }]);
    // The result is in Taonet's status view.
    const status = await ws.rpc<{ status: string; blockHash: string }>('taonet_extrinsicStatus', [tx.hash]);
    // After the block's inherents: MevShield.announce_next_key, and Drand.write_pulse when a round is due.
    const block = await ws.rpc<{ extrinsics: { inherent?: boolean }[] }>('taonet_getBlock', [made.hashes[0]]);
    const inherents = block.extrinsics.filter((x) => x.inherent === true).length;
    expect(inherents).toBeGreaterThanOrEqual(1);
    expect(status).toMatchObject({
      status: 'inBlock',
      blockHash: made.hashes[0],
      index: inherents,
      result: { ok: true },
    });
  });

  it('a future-nonce transaction reports "future", and an included failing call reports its error', async () => {
    const next = await node.nextNonce(charlie);
    const ahead = await node.sign(charlie, 'transfer', { dest: bob.id, amount: 1n }, { nonce: next + 1n });
    const sidAhead = await ws.rpc<string>('author_submitAndWatchExtrinsic', [toHex(ahead.bytes)]);
    expect((await ws.waitFor(sidAhead, 1))[0]?.result).toBe('future');
    const failing = await node.sign(charlie, 'transfer', { dest: bob.id, amount: 0n }, { nonce: next });
    const sidFail = await ws.rpc<string>('author_submitAndWatchExtrinsic', [toHex(failing.bytes)]);
    const made = await ws.rpc<{ hashes: string[] }>('dev_advanceBlocks', [1]);
    const u = (await ws.waitFor(sidFail, 3)).map((n) => n.result);
    expect(u).toEqual(['ready', { inBlock: made.hashes[0] }, { finalized: made.hashes[0] }]);
    // Included, but the call failed: the error is in the status view.
    expect(await ws.rpc('taonet_extrinsicStatus', [failing.hash])).toMatchObject({
      status: 'inBlock',
      result: { ok: false, error: { code: 'ZeroAmount' } },
    });
    expect((await ws.waitFor(sidAhead, 3)).map((n) => statusName(n.result))).toEqual([
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
      { nonce: next + 2n, period: 4 },
    );
    const sidShort = await ws.rpc<string>('author_submitAndWatchExtrinsic', [toHex(shortLived.bytes)]);
    // Mortal for 4 blocks from the head: gone once four more are made.
    await ws.rpc('dev_advanceBlocks', [4]);
    const dropped = (await ws.waitFor(sidShort, 2)).map((n) => n.result);
    expect(dropped).toEqual(['future', 'dropped']);
    expect(await ws.rpc('taonet_extrinsicStatus', [shortLived.hash])).toMatchObject({
      status: 'dropped',
      error: { code: 'ExpiredTransaction', hint: 'rebuild it against the current head' },
    });
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
    expect((await ws.waitFor(s1, 3)).map((n) => statusName(n.result))).toEqual(['ready', 'inBlock', 'finalized']);
    // The second waits on the first's nonce, then cannot pay once the first is in.
    expect((await ws.waitFor(s2, 2)).map((n) => n.result)).toEqual(['future', 'invalid']);
    expect(await ws.rpc('taonet_extrinsicStatus', [second.hash])).toMatchObject({
      status: 'invalid',
      error: { code: 'InsufficientFeeBalance' },
    });
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
