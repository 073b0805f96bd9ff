/**
 * A seeded random walk over the chain: several subnets, hundreds of neurons, and a random mix of
 * transfers, stakes, unstakes, moves, registrations and weight sets each block. Used by the
 * random-walk test and the block benchmark.
 */
import { type AccountId, RAO_PER_TAO } from '@taonet/primitives';
import { type CheckedExtrinsic, storage } from '../../src/index.js';
import { acct, TestChain } from '../utils/chain.js';

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
  int(n: number): number {
    return Number(this.next() % BigInt(n));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)] as T;
  }
}

export interface WalkOptions {
  readonly seed: number;
  readonly subnets: number;
  readonly neuronsPerSubnet: number;
  readonly coldkeys: number;
  readonly txPerBlock: number;
  readonly invariants: boolean;
}

export class RandomWalk {
  readonly chain: TestChain;
  readonly rng: Rng;
  readonly netuids: number[] = [];
  private readonly coldkeys: string[];
  /** hotkey name -> coldkey name */
  private readonly hotkeys = new Map<string, string>();
  private counter = 0;

  constructor(readonly o: WalkOptions) {
    this.rng = new Rng(o.seed);
    this.coldkeys = Array.from({ length: o.coldkeys }, (_, i) => `c${i}`);
    this.chain = new TestChain({
      funded: ['alice', ...this.coldkeys],
      balance: 100_000n * RAO_PER_TAO,
      invariants: o.invariants,
      subnetDefaults: { maxAllowedUids: o.neuronsPerSubnet, tempo: 20, immunityPeriod: 5n },
    });
    for (let i = 0; i < o.subnets; i++) this.netuids.push(this.chain.subnet(this.coldkeys[i % this.coldkeys.length] as string));
    // Fill the subnets, then give a few validators stake.
    for (const netuid of this.netuids) {
      const xs: CheckedExtrinsic[] = [];
      for (let k = 0; k < o.neuronsPerSubnet - 1; k++) xs.push(this.register(netuid));
      for (let off = 0; off < xs.length; off += 50) this.chain.step(...xs.slice(off, off + 50));
    }
  }

  private register(netuid: number): CheckedExtrinsic {
    const cold = this.rng.pick(this.coldkeys);
    const hot = `h${this.counter++}`;
    this.hotkeys.set(hot, cold);
    return this.chain.tx(cold, 'burned_register', { netuid, hotkey: acct(hot) });
  }

  private hotkeysOn(netuid: number): AccountId[] {
    return this.chain.state.get(storage.Keys, netuid);
  }

  private randomTx(): CheckedExtrinsic {
    const r = this.rng;
    const cold = r.pick(this.coldkeys);
    const netuid = r.pick(this.netuids);
    const keys = this.hotkeysOn(netuid);
    const hotkey = r.pick(keys);
    switch (r.int(8)) {
      case 0:
        return this.chain.tx(cold, 'transfer', { dest: acct(r.pick(this.coldkeys)), amount: BigInt(1 + r.int(1000)) * 1_000_000n });
      case 1:
      case 2:
        return this.chain.tx(cold, 'add_stake', { hotkey, netuid, amount: BigInt(1 + r.int(200)) * 100_000_000n });
      case 3:
        return this.chain.tx(cold, 'remove_stake', { hotkey, netuid, amount: BigInt(1 + r.int(100)) * 100_000_000n });
      case 4:
        return this.chain.tx(cold, 'move_stake', {
          originHotkey: hotkey,
          destHotkey: acct(r.pick([...this.hotkeys.keys()])),
          originNetuid: netuid,
          destNetuid: r.pick(this.netuids),
          amount: BigInt(1 + r.int(50)) * 100_000_000n,
        });
      case 5:
        return this.register(netuid);
      default: {
        // A validator sets weights on a random handful of uids.
        const uids = [...new Set(Array.from({ length: 1 + r.int(8) }, () => r.int(keys.length)))];
        const owner = this.hotkeys.get(Object.keys(this.hotkeys).length ? '' : '') ?? cold;
        void owner;
        return {
          ...this.chain.tx(`__hot__`, 'set_weights', { netuid, uids, values: uids.map(() => 1 + r.int(65535)), versionKey: 0n }),
          signer: hotkey,
          nonce: this.chain.state.get(storage.Accounts, hotkey)?.nonce ?? 0n,
        };
      }
    }
  }

  step(): void {
    const xs: CheckedExtrinsic[] = [];
    for (let i = 0; i < this.o.txPerBlock; i++) xs.push(this.randomTx());
    this.chain.step(...xs);
  }
}
