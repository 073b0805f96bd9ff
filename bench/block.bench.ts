/**
 * Block benchmark: the cost of `applyBlock` for (1) a block of 1,000 transfers, (2) a block of 100
 * add_stake calls, and (3) a network of 64 subnets × 256 UIDs where 16 validators per subnet (with
 * stake and permits) set weights on every UID once per tempo: the mean time per block over one
 * tempo (coinbase on 64 subnets every block, each subnet's epoch once per tempo, ~3 set_weights a
 * block). Everything is set up through real extrinsics (registrations, stakes, weights) and real
 * blocks; the timed part is `applyBlock` alone.
 */
import { type AccountId, RAO_PER_TAO } from '@taonet/primitives';
import { applyBlock, type CheckedExtrinsic, type State, storage } from '@taonet/runtime';
import { acct, Rng, SimChain } from '../packages/runtime/test/sim/random-walk.js';
import { median } from './rng.js';

const TAO = RAO_PER_TAO;

function header(s: State) {
  const number = s.value(storage.BlockNumber) + 1n;
  return {
    number,
    parentHash: `0x${number.toString(16).padStart(64, '0')}`,
    author: acct('author'),
    timestamp: number * 12_000n,
  };
}

/** Median ms of applying `xs` to a fresh copy of `base` (the copy is not timed). */
function timeBlock(base: State, xs: readonly CheckedExtrinsic[], runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs + 2; i++) {
    const s = base.clone();
    const t0 = process.hrtime.bigint();
    const r = applyBlock(s, { header: header(s), extrinsics: xs });
    const t = Number(process.hrtime.bigint() - t0) / 1e6;
    const failed = r.extrinsics.find((x) => !x.ok);
    if (failed !== undefined) throw new Error(`bench block: an extrinsic failed: ${JSON.stringify(failed.error)}`);
    if (i >= 2) times.push(t);
  }
  return median(times);
}

/** Applies `xs` in blocks of at most `per`, expecting every extrinsic to succeed. */
function stepAll(c: SimChain, xs: readonly CheckedExtrinsic[], per: number): void {
  for (let off = 0; off < xs.length; off += per) {
    const r = c.step(xs.slice(off, off + per));
    const failed = r.extrinsics.find((x) => !x.ok);
    if (failed !== undefined) throw new Error(`bench setup: ${JSON.stringify(failed.error)}`);
  }
}

function benchTransfers(): number {
  const who = Array.from({ length: 1000 }, (_, i) => acct(`bench-t${i}`));
  const c = new SimChain({ funded: who, balance: 1_000n * TAO });
  c.step([]);
  const xs = who.map((a, i) => c.tx(a, 'transfer', { dest: who[(i + 1) % who.length] as AccountId, amount: TAO }));
  return timeBlock(c.state, xs, 15);
}

function benchAddStake(): number {
  const owner = acct('bench-owner');
  const stakers = Array.from({ length: 100 }, (_, i) => acct(`bench-s${i}`));
  const c = new SimChain({
    funded: [owner, ...stakers],
    balance: 10_000n * TAO,
    subnetDefaults: { maxAllowedUids: 64 },
  });
  stepAll(c, [c.tx(owner, 'register_network', { hotkey: acct('bench-owner-hot') })], 1);
  stepAll(c, [c.tx(owner, 'start_call', { netuid: 1 })], 1);
  const hotkeys = Array.from({ length: 32 }, (_, i) => acct(`bench-h${i}`));
  stepAll(
    c,
    hotkeys.map((hotkey) => c.tx(owner, 'burned_register', { netuid: 1, hotkey })),
    32,
  );
  // Some stake already in the pools, so the calls below buy into existing share pools.
  stepAll(
    c,
    stakers.map((s, i) =>
      c.tx(s, 'add_stake', { hotkey: hotkeys[i % hotkeys.length] as AccountId, netuid: 1, amount: 10n * TAO }),
    ),
    100,
  );
  const xs = stakers.map((s, i) =>
    c.tx(s, 'add_stake', { hotkey: hotkeys[(i * 7) % hotkeys.length] as AccountId, netuid: 1, amount: TAO }),
  );
  return timeBlock(c.state, xs, 15);
}

interface Network {
  readonly chain: SimChain;
  readonly netuids: number[];
  readonly tempo: number;
  readonly setupMs: number;
}

const SUBNETS = 64;
const UIDS = 256;
const VALIDATORS = 16;
const TEMPO = 360;

function buildNetwork(): Network {
  const t0 = performance.now();
  const owners = Array.from({ length: SUBNETS }, (_, i) => acct(`bench-o${i}`));
  const c = new SimChain({
    funded: owners,
    balance: 100_000n * TAO,
    params: { subnetLimit: SUBNETS },
    subnetDefaults: { tempo: TEMPO, maxAllowedUids: UIDS, maxAllowedValidators: VALIDATORS, immunityPeriod: 5000n },
  });
  // One subnet every other block keeps the lock cost at its floor (the dev decay interval is 2).
  for (const o of owners) {
    stepAll(c, [c.tx(o, 'register_network', { hotkey: acct(`${o}-hot`) })], 1);
    c.step([]);
  }
  const netuids = c.state.value(storage.Netuids).filter((n) => n !== 0);
  stepAll(
    c,
    netuids.map((netuid, i) => c.tx(owners[i] as AccountId, 'start_call', { netuid })),
    SUBNETS,
  );
  // Fill every subnet (the owner registers 255 hotkeys), 512 registrations a block.
  const regs: CheckedExtrinsic[] = [];
  netuids.forEach((netuid, i) => {
    const o = owners[i] as AccountId;
    for (let u = 1; u < UIDS; u++)
      regs.push(c.tx(o, 'burned_register', { netuid, hotkey: acct(`bench-${netuid}-${u}`) }));
  });
  stepAll(c, regs, 512);
  // Validators: uids 1..16 of every subnet get stake from the owner.
  const stakes: CheckedExtrinsic[] = [];
  netuids.forEach((netuid, i) => {
    for (let u = 1; u <= VALIDATORS; u++) {
      stakes.push(
        c.tx(owners[i] as AccountId, 'add_stake', { netuid, hotkey: acct(`bench-${netuid}-${u}`), amount: 100n * TAO }),
      );
    }
  });
  stepAll(c, stakes, 512);
  // One tempo, so that every subnet has run an epoch and handed out validator permits.
  for (let b = 0; b <= TEMPO; b++) c.step([]);
  for (const n of netuids) {
    const permits = c.state.get(storage.EpochResults, n)?.validatorPermit.filter(Boolean).length ?? 0;
    if (permits < VALIDATORS) throw new Error(`bench setup: subnet ${n} has ${permits} permits`);
  }
  return { chain: c, netuids, tempo: TEMPO, setupMs: performance.now() - t0 };
}

/**
 * Block `b` of the tempo: the set_weights of the validators assigned to it. Validator slot `v` of
 * subnet `i` (the v-th permitted uid at the time) sets weights at block (i × 16 + v) mod tempo.
 */
function weightsFor(net: Network, b: number, rng: Rng): CheckedExtrinsic[] {
  const c = net.chain;
  const uids = Array.from({ length: UIDS }, (_, u) => u);
  const xs: CheckedExtrinsic[] = [];
  net.netuids.forEach((netuid, i) => {
    for (let v = 0; v < VALIDATORS; v++) {
      if ((i * VALIDATORS + v) % net.tempo !== b) continue;
      const permits = c.state.get(storage.EpochResults, netuid)?.validatorPermit ?? [];
      const permitted: number[] = [];
      permits.forEach((p, u) => {
        if (p) permitted.push(u);
      });
      const uid = permitted[v];
      if (uid === undefined) throw new Error(`bench: subnet ${netuid} has no validator slot ${v}`);
      const hotkey = c.state.get(storage.Keys, netuid)[uid] as AccountId;
      const values = uids.map(() => rng.int(65536));
      xs.push(c.tx(hotkey, 'set_weights', { netuid, uids, values, versionKey: 0n }));
    }
  });
  return xs;
}

function benchNetwork(): { mean: number; setupMs: number; weights: number; epochs: number } {
  const net = buildNetwork();
  const rng = new Rng(7);
  let total = 0;
  let weights = 0;
  let epochs = 0;
  for (let b = 0; b < net.tempo; b++) {
    const xs = weightsFor(net, b, rng);
    const t0 = process.hrtime.bigint();
    const r = net.chain.step(xs);
    total += Number(process.hrtime.bigint() - t0) / 1e6;
    const failed = r.extrinsics.find((x) => !x.ok);
    if (failed !== undefined) throw new Error(`bench: set_weights failed: ${JSON.stringify(failed.error)}`);
    weights += xs.length;
    epochs += r.events.filter((e) => e.name === 'EpochRun').length;
  }
  return { mean: total / net.tempo, setupMs: net.setupMs, weights, epochs };
}

export function benchBlock(): void {
  console.log(`block of 1000 transfers: ${benchTransfers().toFixed(2)} ms`);
  console.log(`block of 100 add_stake: ${benchAddStake().toFixed(2)} ms`);
  const r = benchNetwork();
  console.log(
    `${SUBNETS} subnets × ${UIDS} uids, ${VALIDATORS} validators each, tempo ${TEMPO}: setup ${(r.setupMs / 1000).toFixed(2)} s through real extrinsics; ` +
      `over the tempo ${r.weights} set_weights (all uids), ${r.epochs} epochs`,
  );
  console.log(`mean block over one tempo (${SUBNETS} subnets × ${UIDS} uids): ${r.mean.toFixed(2)} ms`);
}
