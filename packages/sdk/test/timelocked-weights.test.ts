/**
 * Timelocked commit-reveal end to end on a dev node (in-process, its dev beacon, blocks sealed on a
 * timer): the SDK's submitWeights encrypts to the chain's beacon; nobody sends a reveal; the chain
 * decrypts at the round and the weights are on chain.
 */
import { createNode, devChainSpec, devKeypair, initCrypto, type RunningNode } from '@taonet/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keypairFromUri, keypairSigner, Metagraph, Subtensor, Tao } from '../src/index.js';

const alice = keypairSigner(keypairFromUri('//Alice'));
const bob = keypairSigner(keypairFromUri('//Bob'));
const validator = keypairFromUri('//tl-validator');
const validatorHot = keypairSigner(validator);

let node: RunningNode;
let st: Subtensor;
let sealing: ReturnType<typeof setInterval>;

beforeAll(async () => {
  await initCrypto();
  node = await createNode({
    spec: devChainSpec(250),
    basePath: null,
    authorityKey: devKeypair('//Alice'),
    manualSeal: true,
    rpc: { port: 0 },
  });
  sealing = setInterval(() => node.producer?.advance(1), 40);
  st = await Subtensor.connect(node.rpcUrl.replace('http', 'ws'), { timeoutMs: 10_000 });
});

afterAll(async () => {
  clearInterval(sealing);
  st?.close();
  await node?.close();
});

async function until<T>(what: string, f: () => Promise<T | null | undefined | false>, tries = 200): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const v = await f();
    if (v !== null && v !== undefined && v !== false) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('timelocked weights on a dev node', () => {
  it('submitWeights encrypts to the beacon and the chain reveals at the round, with no reveal transaction', async () => {
    const b = await st.beacon();
    expect(b?.publicKey).toMatch(/^0x[0-9a-f]{192}$/);
    await until('the first pulse', async () => BigInt((await st.beacon())?.lastStoredRound ?? '0') > 0n);

    const r = await st.registerNetwork(bob, keypairFromUri('//Bob/tl-owner').ss58Address);
    expect(r.ok, r.explanation).toBe(true);
    const netuid = r.events.find((e) => e.name === 'NetworkAdded')?.data.netuid as number;
    expect((await st.startCall(bob, netuid)).ok).toBe(true);
    expect((await st.register(alice, netuid, validator.ss58Address)).ok).toBe(true);
    const stake = await st.addStake(alice, {
      hotkey: validator.ss58Address,
      netuid,
      amount: Tao.of('0.1'),
      tolerance: 0.5,
    });
    expect(stake.result.ok, stake.result.explanation).toBe(true);
    // The dev tempo (10) is inside the owner's freeze window: the admin account switches it on.
    const cr = await st.setHyperparameter(alice, netuid, 'commitRevealEnabled', true);
    expect(cr.ok, cr.explanation).toBe(true);
    await until('a validator permit', async () =>
      (await new Metagraph(st, netuid).sync()).hasValidatorPermit(validator.ss58Address),
    );

    const sent = await st.submitWeights(validatorHot, { netuid, uids: [0, 1], weights: [0.25, 1] });
    expect(sent.mode).toBe('timelocked');
    expect(sent.result.ok, sent.result.explanation).toBe(true);
    const round = sent.revealRound as bigint;
    const pending = await st.timelockedCommits(netuid);
    expect(pending?.pending.map((c) => [c.hotkey, c.revealRound])).toEqual([
      [`0x${Buffer.from(validator.publicKey).toString('hex')}`, String(round)],
    ]);

    const uid = (await new Metagraph(st, netuid).sync()).hotkeys.indexOf(validator.ss58Address);
    const mg = await until('the reveal', async () => {
      const m = await new Metagraph(st, netuid, ['hotkeys', 'weights']).sync();
      return (m.weights?.[uid]?.length ?? 0) > 0 ? m : null;
    });
    expect(mg.weights?.[uid]).toEqual([
      [0, 16384],
      [1, 65535],
    ]);
    const after = await st.timelockedCommits(netuid);
    expect(after?.pending).toEqual([]);
    expect(after?.failed).toEqual([]);
    expect(BigInt((await st.beacon())?.lastStoredRound ?? '0')).toBeGreaterThanOrEqual(round);
  }, 60_000);
});
