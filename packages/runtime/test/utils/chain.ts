/**
 * A small chain driver for runtime tests: named accounts, a genesis on the dev presets, and blocks
 * applied through the real `applyBlock`, with the invariants checked after every block.
 */
import { type AccountId, accountFromBytes, blake2b256, RAO_PER_TAO } from '@taonet/primitives';
import { expect } from 'vitest';
import {
  BlockBuilder,
  type BlockResult,
  type Call,
  type GenesisBeacon,
  type CheckedExtrinsic,
  DEV_HYPERPARAMETERS,
  DEV_NETWORK_PARAMS,
  type ExtrinsicResult,
  applyBlock,
  checkInvariants,
  genesisState,
  type NetworkParams,
  type State,
  type SubnetHyperparameters,
  storage,
} from '../../src/index.js';

export const acct = (name: string): AccountId =>
  accountFromBytes(blake2b256(new TextEncoder().encode(`taonet-test/${name}`)));
export const TAO = RAO_PER_TAO;

export interface ChainOptions {
  readonly funded?: readonly string[];
  readonly balance?: bigint;
  readonly params?: Partial<NetworkParams>;
  readonly subnetDefaults?: Partial<SubnetHyperparameters>;
  /** A beacon in the genesis (pulses, timelocked commits). */
  readonly beacon?: GenesisBeacon;
  /** Check invariants after every block (default true). */
  readonly invariants?: boolean;
}

export class TestChain {
  readonly state: State;
  readonly author = acct('author');
  private readonly checkEachBlock: boolean;
  private readonly nonces = new Map<string, bigint>();
  lastResult: BlockResult | null = null;

  constructor(opts: ChainOptions = {}) {
    const names = opts.funded ?? ['alice', 'bob', 'charlie', 'dave', 'eve', 'ferdie'];
    this.state = genesisState({
      sudo: acct('alice'),
      balances: names.map((n) => [acct(n), opts.balance ?? 1_000_000n * TAO] as const),
      params: { ...DEV_NETWORK_PARAMS, ...opts.params },
      subnetDefaults: { ...DEV_HYPERPARAMETERS, ...opts.subnetDefaults },
      ...(opts.beacon === undefined ? {} : { beacon: opts.beacon }),
    });
    this.checkEachBlock = opts.invariants ?? true;
  }

  get block(): bigint {
    return this.state.value(storage.BlockNumber);
  }

  /** Builds a signed-and-checked extrinsic with the signer's next nonce. */
  tx(signer: string, method: string, args: Call['args'] = {}): CheckedExtrinsic {
    const who = acct(signer);
    const nonce = this.nonces.get(who) ?? this.state.get(storage.Accounts, who)?.nonce ?? 0n;
    this.nonces.set(who, nonce + 1n);
    return { signer: who, nonce, call: { method, args }, length: 120 };
  }

  /** Applies one block with the given extrinsics and returns their results. */
  step(...xs: CheckedExtrinsic[]): ExtrinsicResult[] {
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
    this.lastResult = r;
    this.nonces.clear();
    if (this.checkEachBlock) expect(checkInvariants(this.state), `invariants after block ${number}`).toEqual([]);
    return r.extrinsics;
  }

  /**
   * Applies one block whose first extrinsic is the author's inherent `inherent` (as the node builds
   * it); throws the runtime's InvalidBlockError, changing nothing, when the inherent fails.
   */
  stepWithInherent(inherent: Call, ...xs: CheckedExtrinsic[]): ExtrinsicResult[] {
    const number = this.block + 1n;
    const b = new BlockBuilder(this.state, {
      number,
      parentHash: `0x${number.toString(16).padStart(64, '0')}`,
      author: this.author,
      timestamp: number * 250n,
    });
    try {
      b.applyInherent(inherent);
      for (const x of xs) {
        const r = b.push(x);
        if (!r.included) b.results.push({ ok: false, fee: 0n, events: [], error: r.error });
      }
    } catch (e) {
      b.abort();
      throw e;
    }
    const r = b.finish();
    this.lastResult = r;
    this.nonces.clear();
    if (this.checkEachBlock) expect(checkInvariants(this.state), `invariants after block ${number}`).toEqual([]);
    return r.extrinsics;
  }

  /** Applies a block with one extrinsic and expects it to succeed. */
  ok(signer: string, method: string, args: Call['args'] = {}): ExtrinsicResult {
    const [r] = this.step(this.tx(signer, method, args));
    expect(r?.error, `${method} by ${signer}`).toBeUndefined();
    return r as ExtrinsicResult;
  }

  /** Applies a block with one extrinsic and expects it to fail with `code`. */
  fails(signer: string, method: string, args: Call['args'], code: string): ExtrinsicResult {
    const [r] = this.step(this.tx(signer, method, args));
    expect(r?.error?.code, `${method} by ${signer}`).toBe(code);
    return r as ExtrinsicResult;
  }

  run(blocks: number): void {
    for (let i = 0; i < blocks; i++) this.step();
  }

  /** Creates and starts a subnet owned by `owner` with hotkey `${owner}-hot`; returns its netuid. */
  subnet(owner: string): number {
    const r = this.ok(owner, 'register_network', { hotkey: acct(`${owner}-hot`) });
    const added = r.events.find((e) => e.name === 'NetworkAdded');
    const netuid = added?.data.netuid as number;
    this.ok(owner, 'start_call', { netuid });
    return netuid;
  }
}
