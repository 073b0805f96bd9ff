/**
 * Shielded writes from the SDK against a real node: the pool sees only the encrypted carrier; the
 * stake happens in the carrier's block right after it; without an announced key the SDK says so
 * before sending anything.
 */
import { createNode, devChainSpec, devKeypair, initCrypto, type RunningNode } from '@taonet/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keypairFromUri, keypairSigner, Subtensor, Tao } from '../src/index.js';

const alice = keypairSigner(keypairFromUri('//Alice'));
const bob = keypairFromUri('//Bob');

let node: RunningNode;
let plain: RunningNode;
let st: Subtensor;

async function start(mevShield: boolean): Promise<RunningNode> {
  await initCrypto();
  return createNode({
    spec: devChainSpec(250),
    basePath: null,
    authorityKey: devKeypair('//Alice'),
    manualSeal: true,
    mevShield,
    rpc: { port: 0 },
  });
}

let sealing: ReturnType<typeof setInterval>;
beforeAll(async () => {
  node = await start(true);
  // NextKey is set from the third block on (the key rotation's pipeline).
  node.producer?.advance(3);
  sealing = setInterval(() => node.producer?.advance(1), 50);
  st = await Subtensor.connect(node.rpcUrl.replace('http', 'ws'), { timeoutMs: 10_000 });
}, 60_000);
afterAll(async () => {
  clearInterval(sealing);
  st?.close();
  await node?.close();
  await plain?.close();
});

describe('shielded submission', () => {
  it('a transfer sent through the shield runs right after its carrier; the pool saw only the carrier', async () => {
    const dest = keypairFromUri('//Taonet//sdk-shield').ss58Address;
    const seen: string[] = [];
    const stop = await st.rpc.subscribe('taonet_subscribeNewHeads', [], 'taonet_unsubscribeNewHeads', () => {
      void st.call('author_pendingExtrinsics').then((p) => seen.push(...(p as string[])));
    });
    const r = await st.transfer(alice, dest, Tao.of('3'), { shield: true });
    await stop();
    expect(r.ok, `${r.code}: ${r.explanation}`).toBe(true);
    expect(r.shielded?.innerHash).toBe(r.txHash);
    expect((await st.balance(dest)).rao).toBe(3_000_000_000n);
    const carrier = (await st.call('taonet_extrinsicStatus', [r.shielded?.carrierHash])) as {
      index: number;
      number: string;
    };
    const inner = (await st.call('taonet_extrinsicStatus', [r.txHash])) as { index: number; number: string };
    expect(inner.number).toBe(carrier.number);
    expect(inner.index).toBe(carrier.index + 1);
    // The pool never held the inner extrinsic's bytes.
    const block = (await st.call('taonet_getBlock', [Number(inner.number)])) as {
      extrinsics: { hash: string; bytes: string }[];
    };
    const innerBytes = block.extrinsics.find((x) => x.hash === r.txHash)?.bytes;
    expect(innerBytes).toBeDefined();
    expect(seen).not.toContain(innerBytes);
  });

  it('without an announced key the SDK refuses before sending (ShieldKeyUnavailable)', async () => {
    plain = await start(false);
    plain.producer?.advance(3);
    const p = await Subtensor.connect(plain.rpcUrl.replace('http', 'ws'), { timeoutMs: 10_000 });
    try {
      const r = await p.transfer(alice, bob.ss58Address, Tao.of('1'), { shield: true });
      expect(r.ok).toBe(false);
      expect(r.stage).toBe('precheck');
      expect(r.code).toBe('ShieldKeyUnavailable');
      expect(r.hint).toMatch(/--no-mev-protection/);
    } finally {
      p.close();
    }
  });
});
