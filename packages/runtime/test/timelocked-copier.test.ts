/**
 * The point of timelocked commit-reveal: a weight copier, who can only copy weights once the chain
 * has revealed them, earns less than the honest validator it copies. Real blocks (applyBlock via
 * the block builder, the author's pulse inherent in every block a round is due), Yuma3, commit-
 * reveal on with a one-epoch reveal period; the best miner changes every epoch, so a copy is always
 * an epoch stale. Figures are printed.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import {
  accountToBytes,
  DEV_BEACON_PUBLIC_KEY,
  devBeaconPulse,
  encodeTimelockedWeightsPayload,
  timelockEncrypt,
  toHex,
} from '@taonet/primitives';
import { describe, expect, it } from 'vitest';
import { type CheckedExtrinsic, storage, views } from '../src/index.js';
import { acct, TAO, TestChain } from './utils/chain.js';

const TEMPO = 24;
const MINERS = ['m0', 'm1', 'm2', 'm3'];
const EPOCHS = 14;

/** Deterministic entropy for the ciphertexts (a test needs repeatable bytes, not secrecy). */
function entropy(label: string) {
  let n = 0;
  return (len: number): Uint8Array => {
    const out = new Uint8Array(len);
    for (let i = 0; i < len; i += 32)
      out.set(sha256(new TextEncoder().encode(`${label}/${n++}`)).subarray(0, len - i), i);
    return out;
  };
}

class Net {
  readonly chain = new TestChain({
    beacon: { publicKey: toHex(DEV_BEACON_PUBLIC_KEY), genesisTime: 0n, period: 3n, chainHash: `0x${'22'.repeat(32)}` },
    subnetDefaults: {
      tempo: TEMPO,
      commitRevealEnabled: true,
      revealPeriodEpochs: 1,
      weightsSetRateLimit: 0n,
      yuma3Enabled: true,
    },
    invariants: false,
  });

  /** One block, with the due pulses as its inherent (block n is at n × 250 ms; rounds every 3 s). */
  block(...xs: CheckedExtrinsic[]): void {
    const c = this.chain;
    const number = c.block + 1n;
    const latest = (number * 250n) / 3000n + 1n;
    const last = c.state.value(storage.LastStoredRound);
    if (latest <= last) {
      c.step(...xs);
      return;
    }
    const rounds: bigint[] = [];
    for (let r = last === 0n ? latest : last + 1n; r <= latest; r++) rounds.push(r);
    const results = c.stepWithInherent({ method: 'write_pulse', args: { pulses: rounds.map(devBeaconPulse) } }, ...xs);
    for (const r of results.slice(1)) expect(r.error, 'a commit in this block').toBeUndefined();
  }

  commit(hot: string, netuid: number, uids: number[], values: number[]): CheckedExtrinsic {
    const round = this.chain.state.value(storage.LastStoredRound) + 1n;
    const payload = encodeTimelockedWeightsPayload({
      hotkeyPublicKey: accountToBytes(acct(hot)),
      uids,
      values,
      versionKey: 0n,
    });
    const commit = timelockEncrypt(DEV_BEACON_PUBLIC_KEY, round, payload, entropy(`${hot}/${round}`));
    return this.chain.tx(hot, 'commit_timelocked_weights', {
      netuid,
      commit,
      revealRound: round,
      commitRevealVersion: 4,
    });
  }
}

const alphaOf = (net: Net, cold: string, netuid: number): bigint =>
  views.accountInfo(net.chain.state, acct(cold)).stakes.find((p) => p.netuid === netuid)?.alpha ?? 0n;

describe('timelocked commit-reveal against a weight copier (Yuma3)', () => {
  it('the copier, who only sees revealed weights, earns less than the honest validator', () => {
    const net = new Net();
    const c = net.chain;
    const netuid = c.subnet('alice');
    for (const m of MINERS) c.ok('bob', 'burned_register', { netuid, hotkey: acct(m) });
    c.ok('dave', 'burned_register', { netuid, hotkey: acct('honest') });
    c.ok('eve', 'burned_register', { netuid, hotkey: acct('copier') });
    c.ok('dave', 'add_stake', { hotkey: acct('honest'), netuid, amount: 1000n * TAO });
    c.ok('eve', 'add_stake', { hotkey: acct('copier'), netuid, amount: 1000n * TAO });
    const uid = (h: string) => c.state.get(storage.Uids, [netuid, acct(h)]) as number;
    const minerUids = MINERS.map(uid);

    let committedIn = -1n;
    let start: { honest: bigint; copier: bigint } | null = null;
    const revealed: string[] = [];
    while (c.state.get(storage.SubnetEpochIndex, netuid) < BigInt(EPOCHS)) {
      const epoch = c.state.get(storage.SubnetEpochIndex, netuid);
      const xs: CheckedExtrinsic[] = [];
      if (epoch > committedIn && epoch >= 1n) {
        committedIn = epoch;
        // The honest validator scores this epoch's best miner highest.
        const best = Number(epoch % BigInt(MINERS.length));
        xs.push(
          net.commit(
            'honest',
            netuid,
            minerUids,
            minerUids.map((_, i) => (i === best ? 65535 : 6553)),
          ),
        );
        // The copier copies what the chain shows of the honest validator: its last revealed row.
        const row = c.state.get(storage.Weights, [netuid, uid('honest')]);
        if (row !== null) xs.push(net.commit('copier', netuid, [...row.cols], [...row.vals]));
        if (epoch === 3n) start = { honest: alphaOf(net, 'dave', netuid), copier: alphaOf(net, 'eve', netuid) };
      }
      net.block(...xs);
      for (const e of c.lastResult?.events ?? [])
        if (e.name === 'TimelockedWeightsRevealed') revealed.push(String(e.data.hotkey));
      expect(c.lastResult?.events.some((e) => e.name === 'TimelockedWeightsRevealFailed')).toBe(false);
    }
    if (start === null) throw new Error('never reached epoch 3');
    const honest = alphaOf(net, 'dave', netuid) - start.honest;
    const copier = alphaOf(net, 'eve', netuid) - start.copier;
    const fmt = (x: bigint) => `${(Number(x) / 1e9).toFixed(4)} α`;
    console.log(
      `timelocked commit-reveal, Yuma3, ${EPOCHS - 3} epochs of ${TEMPO} blocks (1000 τ staked each):\n` +
        `  honest validator earned ${fmt(honest)}\n` +
        `  weight copier    earned ${fmt(copier)} (${((Number(copier) / Number(honest)) * 100).toFixed(1)} % of honest)\n` +
        `  reveals: honest ${revealed.filter((h) => h === acct('honest')).length}, copier ${revealed.filter((h) => h === acct('copier')).length}`,
    );
    expect(revealed.filter((h) => h === acct('honest')).length).toBeGreaterThanOrEqual(EPOCHS - 3);
    expect(revealed.filter((h) => h === acct('copier')).length).toBeGreaterThanOrEqual(EPOCHS - 4);
    expect(honest).toBeGreaterThan(0n);
    expect(copier).toBeLessThan(honest);
  });
});
