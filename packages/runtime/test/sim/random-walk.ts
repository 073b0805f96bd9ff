/**
 * A seeded random walk over the chain: several subnets, hundreds of neurons, and a random mix of
 * transfers, stakes, unstakes (partial and all), moves, swaps between subnets, stake transfers,
 * registrations, weight sets by permitted validators, and now and then a new subnet (which, at the
 * subnet limit, dissolves the weakest one). Everything goes through the real `applyBlock`.
 *
 * It does not import vitest, so the block benchmark and profiling scripts can drive it too.
 * The walk reads what it needs (hotkeys, permits, stakes) back from the chain state, so a pruned
 * neuron or a dissolved subnet never leaves it with stale choices for long.
 */
import { type AccountId, accountFromBytes, blake2b256, RAO_PER_TAO } from '@taonet/primitives';
import {
  applyBlock,
  type BlockResult,
  type Call,
  type CheckedExtrinsic,
  checkInvariants,
  DEV_HYPERPARAMETERS,
  DEV_NETWORK_PARAMS,
  genesisState,
  type NetworkParams,
  type State,
  type SubnetHyperparameters,
  storage,
} from '../../src/index.js';
import { stakeOf } from '../../src/staking/stake-pool-state.js';

/** The same account naming as the test chain (test/utils/chain.ts). */
export const acct = (name: string): AccountId =>
  accountFromBytes(blake2b256(new TextEncoder().encode(`taonet-test/${name}`)));

/** xorshift128+ on bigints: deterministic across machines, no floats. */
export class Rng {
  private a: bigint;
  private b: bigint;
  constructor(seed: number) {
    this.a = BigInt(seed) * 0x9e3779b97f4a7c15n + 1n;
    this.b = (BigInt(seed) ^ 0xdeadbeefn) * 0xbf58476d1ce4e5b9n + 7n;
    for (let i = 0; i < 10; i++) this.next();
  }
  next(): bigint {
    const M = (1n << 64n) - 1n;
    let x = this.a;
    const y = this.b;
    this.a = y;
    x ^= (x << 23n) & M;
    this.b = x ^ y ^ (x >> 17n) ^ (y >> 26n);
    return (this.b + y) & M;
  }
  /** Uniform-ish integer in [0, n). */
  int(n: number): number {
    return Number(this.next() % BigInt(n));
  }
  /** True with probability num/den. */
  chance(num: number, den: number): boolean {
    return this.int(den) < num;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)] as T;
  }
}

export interface SimChainOptions {
  readonly funded: readonly AccountId[];
  readonly balance: bigint;
  readonly params?: Partial<NetworkParams>;
  readonly subnetDefaults?: Partial<SubnetHyperparameters>;
}

/** A minimal chain driver (no assertions): genesis on the dev presets and `applyBlock`. */
export class SimChain {
  readonly state: State;
  readonly author = acct('author');
  private readonly nonces = new Map<AccountId, bigint>();
  lastResult: BlockResult | null = null;

  constructor(o: SimChainOptions) {
    this.state = genesisState({
      sudo: acct('alice'),
      balances: o.funded.map((a) => [a, o.balance] as const),
      params: { ...DEV_NETWORK_PARAMS, ...o.params },
      subnetDefaults: { ...DEV_HYPERPARAMETERS, ...o.subnetDefaults },
    });
  }

  get block(): bigint {
    return this.state.value(storage.BlockNumber);
  }

  /** An extrinsic signed by `who` with its next nonce (counting those already built this block). */
  tx(who: AccountId, method: string, args: Call['args'] = {}): CheckedExtrinsic {
    const nonce = this.nonces.get(who) ?? this.state.get(storage.Accounts, who)?.nonce ?? 0n;
    this.nonces.set(who, nonce + 1n);
    return { signer: who, nonce, call: { method, args }, length: 120 };
  }

  step(xs: readonly CheckedExtrinsic[]): BlockResult {
    const number = this.block + 1n;
    const r = applyBlock(this.state, {
      header: {
        number,
        parentHash: `0x${number.toString(16).padStart(64, '0')}`,
        author: this.author,
        timestamp: number * 250n,
      },
      extrinsics: xs,
    });
    this.nonces.clear();
    this.lastResult = r;
    return r;
  }
}

export interface WalkOptions {
  readonly seed: number;
  /** Subnets created at the start. */
  readonly subnets: number;
  /** UIDs per subnet (maxAllowedUids); the subnets are filled at the start. */
  readonly neuronsPerSubnet: number;
  /** Validators per subnet: hotkeys given real stake at the start (and maxAllowedValidators). */
  readonly validatorsPerSubnet: number;
  readonly coldkeys: number;
  readonly txPerBlock: number;
  readonly tempo?: number;
  /**
   * At most this many subnets (besides root); a new subnet beyond it dissolves the weakest. A new
   * subnet is registered with probability 1/`newSubnetEvery` per block (0: never).
   */
  readonly subnetLimit?: number;
  readonly newSubnetEvery?: number;
  /** Check invariants every this many blocks (0: never). */
  readonly invariantsEvery?: number;
  /**
   * Hotkeys per coldkey (default 16): beyond it, registrations reuse the coldkey's hotkeys that
   * lost their uid, as real miners do, so the state reaches a steady size instead of growing.
   */
  readonly hotkeysPerColdkey?: number;
  /** Above this many open stake positions (default 1500), stakes top up and unstakes close them. */
  readonly maxPositions?: number;
  /** Network parameters beyond the dev preset (e.g. the emission policy). */
  readonly params?: Partial<NetworkParams>;
}

/** Relative weights of the extrinsic kinds in a block. */
const MIX = [
  ['transfer', 12],
  ['add_stake', 16],
  ['remove_stake', 9],
  ['unstake_all', 2],
  ['move_stake', 5],
  ['swap_stake', 6],
  ['transfer_stake', 3],
  ['burned_register', 5],
  ['set_weights', 42],
] as const;
type Kind = (typeof MIX)[number][0];
const MIX_TOTAL = MIX.reduce((a, [, w]) => a + w, 0);

export interface WalkStats {
  blocks: number;
  /** Per method: [succeeded, failed]. */
  readonly calls: Map<string, [number, number]>;
  /** Failures by `method: error code`. */
  readonly errors: Map<string, number>;
  subnetsAdded: number;
  subnetsDissolved: number;
}

/** Raised when an invariant fails; names the block. */
export class InvariantViolation extends Error {
  override readonly name = 'InvariantViolation';
}

export class RandomWalk {
  readonly chain: SimChain;
  readonly rng: Rng;
  readonly coldkeys: AccountId[];
  readonly stats: WalkStats = { blocks: 0, calls: new Map(), errors: new Map(), subnetsAdded: 0, subnetsDissolved: 0 };
  /** Hotkey → owning coldkey, for every hotkey the walk registered. */
  private readonly owners = new Map<AccountId, AccountId>();
  /** Coldkey → its hotkeys. */
  private readonly hotkeysOf = new Map<AccountId, AccountId[]>();
  /** Stake positions (coldkey, hotkey, netuid) the walk has opened; checked lazily. */
  private positions: [AccountId, AccountId, number][] = [];
  private readonly positionKeys = new Set<string>();
  private counter = 0;
  /** Calls to send in the next block (e.g. start_call after a new subnet). */
  private queued: CheckedExtrinsic[] = [];
  private readonly invariantsEvery: number;

  constructor(readonly o: WalkOptions) {
    this.rng = new Rng(o.seed);
    this.coldkeys = Array.from({ length: o.coldkeys }, (_, i) => acct(`c${i}`));
    this.invariantsEvery = o.invariantsEvery ?? 1;
    this.chain = new SimChain({
      funded: [acct('alice'), ...this.coldkeys],
      balance: 100_000n * RAO_PER_TAO,
      params: { subnetLimit: o.subnetLimit ?? 128, ...o.params },
      subnetDefaults: {
        maxAllowedUids: o.neuronsPerSubnet,
        maxAllowedValidators: o.validatorsPerSubnet,
        tempo: o.tempo ?? 20,
        immunityPeriod: 5n,
      },
    });
    const c = this.chain;
    // Subnets: register and start them.
    for (let i = 0; i < o.subnets; i++) {
      const owner = this.coldkeys[i % this.coldkeys.length] as AccountId;
      this.step([c.tx(owner, 'register_network', { hotkey: this.newHotkey(owner) })]);
      this.step([]); // the dev lock cost decays back to its floor in 2 blocks
    }
    this.step(this.takeQueued());
    // Fill every subnet, 64 registrations a block.
    const regs: CheckedExtrinsic[] = [];
    for (const netuid of this.netuids()) {
      const n = c.state.get(storage.Keys, netuid).length;
      for (let k = n; k < o.neuronsPerSubnet; k++) regs.push(this.registerTx(netuid));
    }
    for (let off = 0; off < regs.length; off += 64) this.step(regs.slice(off, off + 64));
    // Validators: the first hotkeys of every subnet get real stake from their owners.
    const stakes: CheckedExtrinsic[] = [];
    for (const netuid of this.netuids()) {
      const keys = c.state.get(storage.Keys, netuid);
      for (let u = 0; u < o.validatorsPerSubnet && u < keys.length; u++) {
        const hotkey = keys[u] as AccountId;
        const cold = this.owners.get(hotkey) as AccountId;
        const amount = BigInt(200 + this.rng.int(800)) * RAO_PER_TAO;
        stakes.push(this.track(c.tx(cold, 'add_stake', { hotkey, netuid, amount }), cold, hotkey, netuid));
      }
    }
    for (let off = 0; off < stakes.length; off += 64) this.step(stakes.slice(off, off + 64));
    this.stats.calls.clear();
    this.stats.errors.clear();
    this.stats.blocks = 0;
    this.stats.subnetsAdded = 0;
    this.stats.subnetsDissolved = 0;
  }

  netuids(): number[] {
    return this.chain.state.value(storage.Netuids).filter((n) => n !== 0);
  }

  private newHotkey(cold: AccountId): AccountId {
    const hot = acct(`h${this.counter++}`);
    this.owners.set(hot, cold);
    const list = this.hotkeysOf.get(cold);
    if (list === undefined) this.hotkeysOf.set(cold, [hot]);
    else list.push(hot);
    return hot;
  }

  /** A hotkey of `cold` to register on `netuid`: a new one, or one of its own without a uid there. */
  private hotkeyToRegister(cold: AccountId, netuid: number): AccountId {
    const list = this.hotkeysOf.get(cold) ?? [];
    if (list.length < (this.o.hotkeysPerColdkey ?? 16)) return this.newHotkey(cold);
    let hot = this.rng.pick(list);
    for (let tries = 0; tries < 4 && this.chain.state.get(storage.Uids, [netuid, hot]) !== null; tries++)
      hot = this.rng.pick(list);
    return hot;
  }

  private get crowded(): boolean {
    return this.positions.length > (this.o.maxPositions ?? 1500);
  }

  private takeQueued(): CheckedExtrinsic[] {
    const q = this.queued;
    this.queued = [];
    return q;
  }

  /** A registration; its uid will earn emission as stake of (coldkey, hotkey), so that is a position. */
  private registerTx(netuid: number): CheckedExtrinsic {
    const cold = this.rng.pick(this.coldkeys);
    const hotkey = this.hotkeyToRegister(cold, netuid);
    return this.track(this.chain.tx(cold, 'burned_register', { netuid, hotkey }), cold, hotkey, netuid);
  }

  private track(x: CheckedExtrinsic, cold: AccountId, hot: AccountId, netuid: number): CheckedExtrinsic {
    const k = `${cold}/${hot}/${netuid}`;
    if (!this.positionKeys.has(k)) {
      this.positionKeys.add(k);
      this.positions.push([cold, hot, netuid]);
    }
    return x;
  }

  /** A random open position with some stake left, dropping empty ones it meets. */
  private position(): [AccountId, AccountId, number, bigint] | null {
    const s = this.chain.state;
    for (let tries = 0; tries < 4 && this.positions.length > 0; tries++) {
      const i = this.rng.int(this.positions.length);
      const [cold, hot, netuid] = this.positions[i] as [AccountId, AccountId, number];
      const held = stakeOf(s, hot, cold, netuid);
      if (held > 0n) return [cold, hot, netuid, held];
      // An empty position whose hotkey holds a uid here stays: emission will refill it.
      if (s.get(storage.Uids, [netuid, hot]) !== null) continue;
      // Swap-remove the empty position.
      const last = this.positions.pop() as [AccountId, AccountId, number];
      if (i < this.positions.length) this.positions[i] = last;
      this.positionKeys.delete(`${cold}/${hot}/${netuid}`);
    }
    return null;
  }

  /** A random fraction (1/16 … 16/16) of `held`, at least 1; all of it when positions crowd. */
  private part(held: bigint): bigint {
    if (this.crowded) return held;
    const p = (held * BigInt(1 + this.rng.int(16))) / 16n;
    return p > 0n ? p : 1n;
  }

  private kind(): Kind {
    let r = this.rng.int(MIX_TOTAL);
    for (const [k, w] of MIX) {
      if (r < w) return k;
      r -= w;
    }
    return 'transfer';
  }

  private randomTx(netuids: readonly number[]): CheckedExtrinsic | null {
    const r = this.rng;
    const c = this.chain;
    const s = c.state;
    const netuid = r.pick(netuids);
    const cold = r.pick(this.coldkeys);
    switch (this.kind()) {
      case 'transfer':
        return c.tx(cold, 'transfer', { dest: r.pick(this.coldkeys), amount: BigInt(1 + r.int(1000)) * 10_000_000n });
      case 'add_stake': {
        const amount = BigInt(1 + r.int(500)) * 10_000_000n;
        const p = this.crowded ? this.position() : null;
        if (p !== null) return c.tx(p[0], 'add_stake', { hotkey: p[1], netuid: p[2], amount });
        const hotkey = r.pick(s.get(storage.Keys, netuid));
        return this.track(c.tx(cold, 'add_stake', { hotkey, netuid, amount }), cold, hotkey, netuid);
      }
      case 'remove_stake': {
        const p = this.position();
        if (p === null) return null;
        const [who, hotkey, n, held] = p;
        return c.tx(who, 'remove_stake', { hotkey, netuid: n, amount: this.part(held) });
      }
      case 'unstake_all': {
        const p = this.position();
        return p === null ? null : c.tx(p[0], 'unstake_all', { hotkey: p[1] });
      }
      case 'move_stake': {
        const p = this.position();
        if (p === null) return null;
        const [who, hotkey, n, held] = p;
        const destHotkey = r.pick(s.get(storage.Keys, netuid));
        const x = c.tx(who, 'move_stake', {
          originHotkey: hotkey,
          destHotkey,
          originNetuid: n,
          destNetuid: netuid,
          amount: this.part(held),
        });
        return this.track(x, who, destHotkey, netuid);
      }
      case 'swap_stake': {
        const p = this.position();
        if (p === null) return null;
        const [who, hotkey, n, held] = p;
        const x = c.tx(who, 'swap_stake', { hotkey, originNetuid: n, destNetuid: netuid, amount: this.part(held) });
        return this.track(x, who, hotkey, netuid);
      }
      case 'transfer_stake': {
        const p = this.position();
        if (p === null) return null;
        const [who, hotkey, n, held] = p;
        const x = c.tx(who, 'transfer_stake', {
          destColdkey: cold,
          hotkey,
          originNetuid: n,
          destNetuid: netuid,
          amount: this.part(held),
        });
        return this.track(x, cold, hotkey, netuid);
      }
      case 'burned_register':
        return this.registerTx(netuid);
      case 'set_weights': {
        // A validator with a permit (from the last epoch) weights a random handful of uids.
        const permits = s.get(storage.EpochResults, netuid)?.validatorPermit;
        const keys = s.get(storage.Keys, netuid);
        if (permits === undefined || keys.length === 0) return null;
        let uid = -1;
        for (let tries = 0; tries < 8 && uid < 0; tries++) {
          const u = r.int(keys.length);
          if (permits[u] === true) uid = u;
        }
        if (uid < 0) return null;
        const hotkey = keys[uid] as AccountId;
        const uids = [...new Set(Array.from({ length: 1 + r.int(12) }, () => r.int(keys.length)))];
        const values = uids.map(() => 1 + r.int(65535));
        return c.tx(hotkey, 'set_weights', { netuid, uids, values, versionKey: 0n });
      }
    }
  }

  /** Applies one block of `xs`, records outcomes, and checks invariants when due. */
  private step(xs: readonly CheckedExtrinsic[]): BlockResult {
    const r = this.chain.step(xs);
    this.stats.blocks++;
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i] as CheckedExtrinsic;
      const res = r.extrinsics[i];
      const entry = this.stats.calls.get(x.call.method) ?? [0, 0];
      entry[res?.ok === true ? 0 : 1]++;
      this.stats.calls.set(x.call.method, entry);
      if (res?.error !== undefined) {
        const k = `${x.call.method}: ${res.error.code}`;
        this.stats.errors.set(k, (this.stats.errors.get(k) ?? 0) + 1);
      }
      for (const e of res?.events ?? []) {
        if (e.name === 'NetworkAdded') {
          this.stats.subnetsAdded++;
          // The owner cut is paid as stake of the owner on the owner hotkey.
          this.track(x, x.signer, e.data.hotkey as AccountId, e.data.netuid as number);
          this.queued.push(this.chain.tx(x.signer, 'start_call', { netuid: e.data.netuid as number }));
        }
        if (e.name === 'NetworkRemoved') this.stats.subnetsDissolved++;
      }
    }
    const every = this.invariantsEvery;
    if (every > 0 && this.chain.block % BigInt(every) === 0n) this.checkNow();
    return r;
  }

  /** Runs the invariants now; throws InvariantViolation naming the block if any fails. */
  checkNow(): void {
    const problems = checkInvariants(this.chain.state);
    if (problems.length > 0) throw new InvariantViolation(`after block ${this.chain.block}: ${problems.join('; ')}`);
  }

  /** One random block. */
  next(): BlockResult {
    const xs = this.takeQueued();
    const netuids = this.netuids();
    const every = this.o.newSubnetEvery ?? 0;
    if (every > 0 && this.rng.chance(1, every)) {
      const owner = this.rng.pick(this.coldkeys);
      xs.push(this.chain.tx(owner, 'register_network', { hotkey: this.newHotkey(owner) }));
    }
    for (let i = 0; i < this.o.txPerBlock && netuids.length > 0; i++) {
      const x = this.randomTx(netuids);
      if (x !== null) xs.push(x);
    }
    return this.step(xs);
  }

  run(blocks: number): void {
    for (let i = 0; i < blocks; i++) this.next();
  }
}
