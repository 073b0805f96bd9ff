/**
 * The typed client against a real node (in-process, manual sealing, a random port): typed reads,
 * writes with typed results, quotes and limit prices, commit-aware weights, metagraph caching, and
 * reconnection with resubscription after the node restarts.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNode, devChainSpec, type RunningNode } from '@taonet/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forgeSr25519IdentitySignature, SR25519_IDENTITY_KEY } from '../../primitives/test/support/identity-forgery.js';
import {
  Alpha,
  keypairFromUri,
  keypairSigner,
  Metagraph,
  SignerKeyRefused,
  Subtensor,
  Tao,
  toHex,
  UnitMismatch,
} from '../src/index.js';

const alice = keypairSigner(keypairFromUri('//Alice'));
const bob = keypairFromUri('//Bob');
const bobSigner = keypairSigner(bob);
const miner = keypairFromUri('//miner-1');
const validatorHot = keypairSigner(keypairFromUri('//validator-hot'));

let node: RunningNode;
let st: Subtensor;
let base: string;
let sealing: ReturnType<typeof setInterval>;

async function startNode(port = 0): Promise<RunningNode> {
  return createNode({
    spec: devChainSpec(250),
    basePath: base,
    authorityKey: await (async () => {
      const n = await import('@taonet/node');
      await n.initCrypto();
      return n.devKeypair('//Alice');
    })(),
    manualSeal: true,
    rpc: { port },
  });
}

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'taonet-sdk-'));
  node = await startNode();
  // Seal a block every 50 ms so writes resolve quickly.
  sealing = setInterval(() => node.producer?.advance(1), 50);
  st = await Subtensor.connect(node.rpcUrl.replace('http', 'ws'), { timeoutMs: 10_000 });
});

afterAll(async () => {
  clearInterval(sealing);
  st?.close();
  await node?.close();
});

describe('Subtensor client', () => {
  it('reads typed balances and the chain identity', async () => {
    expect(st.genesisHash).toMatch(/^0x[0-9a-f]{64}$/);
    const b = await st.balance(bob.ss58Address);
    expect(b).toBeInstanceOf(Tao);
    expect(b.rao).toBe(1_000_000n * 1_000_000_000n);
    expect(b.format(2)).toBe('τ1,000,000');
  });

  it('refuses to sign as the all-zero account, even with a signer that forges its signatures', async () => {
    const forger = { publicKey: SR25519_IDENTITY_KEY, sign: () => forgeSr25519IdentitySignature(99n) };
    await expect(st.transfer(forger, miner.ss58Address, Tao.of('1'))).rejects.toThrow(SignerKeyRefused);
    await expect(st.transfer(forger, miner.ss58Address, Tao.of('1'))).rejects.toMatchObject({ code: 'ZeroSigner' });
  });

  it('writes return typed results; a doomed write is refused before any fee', async () => {
    const ok = await st.transfer(alice, miner.ss58Address, Tao.of('2.5'));
    expect(
      ok.ok,
      JSON.stringify(ok, (_, v) => (typeof v === 'bigint' ? v.toString() : v)),
    ).toBe(true);
    expect(ok.blockHash).toMatch(/^0x/);
    expect(ok.events.some((e) => e.name === 'Transfer')).toBe(true);
    expect((await st.balance(miner.ss58Address)).rao).toBe(2_500_000_000n);
    const before = await st.balance(bob.ss58Address);
    const bad = await st.transfer(
      bobSigner,
      alice.publicKey.length === 32 ? miner.ss58Address : '',
      Tao.of('99999999'),
    );
    expect(bad.ok).toBe(false);
    expect(bad.stage).toBe('precheck');
    expect(bad.code).toBe('InsufficientBalance');
    expect(bad.explanation).toMatch(/free TAO/);
    expect((await st.balance(bob.ss58Address)).rao).toBe(before.rao);
  });

  it('creates a subnet, registers, stakes with a quote and a limit, and reads the metagraph', async () => {
    const r = await st.registerNetwork(bobSigner, keypairFromUri('//Bob/owner-hot').ss58Address);
    expect(r.ok, r.explanation).toBe(true);
    const netuid = r.events.find((e) => e.name === 'NetworkAdded')?.data.netuid as number;
    expect((await st.startCall(bobSigner, netuid)).ok).toBe(true);
    expect((await st.register(alice, netuid, keypairFromUri('//validator-hot').ss58Address)).ok).toBe(true);
    const { quote, result } = await st.addStake(alice, {
      hotkey: keypairFromUri('//validator-hot').ss58Address,
      netuid,
      // A 10 TAO dev pool: a wide tolerance.
      amount: Tao.of('0.1'),
      tolerance: 0.5,
    });
    expect(result.ok, result.explanation).toBe(true);
    expect(quote.expectedOut).toBeInstanceOf(Alpha);
    expect(quote.limitPrice).toBeGreaterThan(quote.priceBefore.raoPerAlpha());
    expect(quote.priceImpact).toBeGreaterThan(0);
    const info = await st.accountInfo(alice.publicKey.length === 32 ? keypairFromUri('//Alice').ss58Address : '');
    const pos = info.stakes.find((p) => p.netuid === netuid);
    expect(pos?.alpha.rao).toBeGreaterThan(0n);
    // TAO and alpha never add without a price.
    expect(() => (info.free as unknown as Alpha).plus(pos?.alpha as Alpha)).toThrow(UnitMismatch);
    expect(pos?.price.toTao(pos.alpha).rao).toBe(pos?.taoValue.rao);
    // A tight limit on a big stake is refused with the amount that would fit.
    const tight = await st.addStake(alice, {
      hotkey: keypairFromUri('//validator-hot').ss58Address,
      netuid,
      amount: Tao.of('5000'),
      tolerance: 0.0001,
    });
    expect(tight.result.ok).toBe(false);
    // Which refusal depends on whether a block moved the price between the quote and the stake
    // (the dev chain seals on a timer): past the limit already, or the trade would push it past.
    expect(['SlippageTooHigh', 'PriceLimitExceeded']).toContain(tight.result.code);
    expect(tight.result.hint).toMatch(
      tight.result.code === 'SlippageTooHigh' ? /at most τ[\d,.]+ of your τ5,000 can be staked/ : /limit price/,
    );

    const mg = new Metagraph(st, netuid);
    await mg.sync();
    expect(mg.n).toBe(2);
    expect(mg.hotkeys[1]).toBe(keypairFromUri('//validator-hot').ss58Address);
    expect(mg.incentive).toBeInstanceOf(Uint16Array);
    const seen = mg.block;
    clearInterval(sealing);
    await mg.sync();
    expect(mg.block).toBe(seen);
    sealing = setInterval(() => node.producer?.advance(1), 50);
  });

  it('submitWeights sets directly on a dev subnet and explains a rate limit', async () => {
    const netuid = (await st.subnets()).find((s) => s.netuid !== 0)?.netuid as number;
    expect(await st.hyperparameter(netuid, 'commitRevealEnabled')).toBe(false);
    // Give the validator a permit: wait for an epoch (tempo 10 on the dev preset).
    for (let i = 0; i < 40; i++) {
      const mg = await new Metagraph(st, netuid).sync();
      if (mg.hasValidatorPermit(keypairFromUri('//validator-hot').ss58Address)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const first = await st.submitWeights(validatorHot, { netuid, uids: [0], weights: [1] });
    expect(first.mode).toBe('direct');
    expect(first.result.ok, first.result.explanation).toBe(true);
    await st.setHyperparameter(alice, netuid, 'weightsSetRateLimit', 1000n);
    const second = await st.submitWeights(validatorHot, { netuid, uids: [0], weights: [1] });
    expect(second.result.ok).toBe(false);
    expect(second.result.code).toBe('SettingWeightsTooFast');
    expect(second.result.hint).toMatch(/next allowed at block \d+/);
  });

  it('mechanisms: count and split, weights on mechanism 1, its mechagraph', async () => {
    const netuid = (await st.subnets()).find((s) => s.netuid !== 0)?.netuid as number;
    await st.setHyperparameter(alice, netuid, 'maxAllowedUids', 128);
    expect((await st.setMechanismCount(alice, netuid, 2)).ok).toBe(true);
    expect((await st.setMechanismEmissionSplit(alice, netuid, [16383, 49152])).ok).toBe(true);
    const m = await st.mechanisms(netuid);
    expect(m).toMatchObject({ count: 2, split: [16383, 49152], effectiveSplit: [16383, 49152] });
    const hot = keypairFromUri('//validator-hot').ss58Address;
    // Mechanism 1 has its own rate limit: the validator has never set weights there.
    const w = await st.submitWeights(validatorHot, { netuid, mecid: 1, uids: [0], weights: [1] });
    expect(w.result.ok, w.result.explanation).toBe(true);
    const mg = await new Metagraph(st, netuid, ['hotkeys', 'weights', 'incentive'], 1).sync();
    expect(mg.weights?.[mg.hotkeys.indexOf(hot)]).toEqual([[0, 65535]]);
    const none = await st.setWeights(validatorHot, { netuid, mecid: 2, uids: [0], values: [1] });
    expect(none.code).toBe('MechanismDoesNotExist');
    await expect(new Metagraph(st, netuid, undefined, 2).sync()).rejects.toThrow(/no mechanism 2/);
  });

  it('an announced proxy call: addProxy with a delay, announceProxy, then proxyAnnounced once the delay has passed', async () => {
    const charlie = keypairSigner(keypairFromUri('//Charlie'));
    const delegateKey = keypairFromUri('//Charlie//delayed');
    const delegate = keypairSigner(delegateKey);
    const dest = keypairFromUri('//Charlie//payee');
    expect((await st.transfer(charlie, delegateKey.ss58Address, Tao.of('5'))).ok).toBe(true);
    const added = await st.addProxy(charlie, { delegate: delegateKey.ss58Address, proxyType: 'Any', delay: 2 });
    expect(added.ok).toBe(true);
    const call = { method: 'transfer', args: { dest: toHex(dest.publicKey), amount: 1_000_000_000n, keepAlive: true } };
    const real = keypairFromUri('//Charlie').ss58Address;
    const announced = { delegate: delegateKey.ss58Address, real, call };
    const early = await st.proxyAnnounced(bobSigner, announced);
    expect([early.ok, early.code]).toEqual([false, 'Unannounced']);
    expect((await st.announceProxy(delegate, { real, call })).ok).toBe(true);
    let ran = await st.proxyAnnounced(bobSigner, announced);
    for (let i = 0; i < 50 && !ran.ok; i++) {
      expect(ran.code).toBe('Unannounced');
      await new Promise((r) => setTimeout(r, 50));
      ran = await st.proxyAnnounced(bobSigner, announced);
    }
    expect(ran.ok).toBe(true);
    expect(ran.inner).toEqual({ ok: true });
    expect((await st.balance(dest.ss58Address)).rao).toBe(1_000_000_000n);
  });

  it('reconnects and resubscribes after the node restarts', async () => {
    const heads: bigint[] = [];
    await st.onNewHead((h) => heads.push(h.number));
    await new Promise((r) => setTimeout(r, 300));
    expect(heads.length).toBeGreaterThan(0);
    const port = Number(new URL(node.rpcUrl).port);
    clearInterval(sealing);
    await node.close();
    node = await startNode(port);
    sealing = setInterval(() => node.producer?.advance(1), 50);
    const before = heads.length;
    for (let i = 0; i < 50 && heads.length === before; i++) await new Promise((r) => setTimeout(r, 100));
    expect(heads.length).toBeGreaterThan(before);
    expect((await st.balance(miner.ss58Address)).rao).toBe(2_500_000_000n);
  });
});
