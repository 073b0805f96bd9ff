/**
 * The chain the simulator drives: a genesis state and the runtime's own `applyBlock`. Calls go in
 * as checked extrinsics — what the node hands the runtime after the signature and era checks — so
 * nonces, fees and dispatch are the chain's, and only the signature is skipped.
 */
import { type AccountId, accountFromBytes, blake2b256 } from '@taonet/primitives';
import {
  applyBlock,
  applyQuietBlocks,
  type BlockResult,
  type Call,
  type CheckedExtrinsic,
  type GenesisConfig,
  genesisState,
  type State,
  storage,
} from '@taonet/runtime';

/** A deterministic account for a simulator role name (`sim/<scenario role>`). */
export const simAccount = (role: string): AccountId =>
  accountFromBytes(blake2b256(new TextEncoder().encode(`taonet-sim/${role}`)));

/** Bytes a signed extrinsic of this call would take; only the fee depends on it. */
const EXTRINSIC_LENGTH = 160;

/**
 * What the chain around the runtime supplies: account names, the block author and header fields,
 * extrinsic sizes. The defaults stand alone; a run can take them from a real node instead (the
 * dev-node equivalence test does), and then ends at the node's state root.
 */
export interface ChainEnv {
  /** The account of a scenario role (`sudo`, `alpha/owner`, `alpha/v1/hot`, …). */
  readonly account: (role: string) => AccountId;
  readonly author: AccountId | null;
  readonly header: (number: bigint) => { readonly parentHash: string; readonly timestamp: bigint };
  /** Signed size of the `index`-th extrinsic of block `number`. */
  readonly length: (number: bigint, index: number, x: CheckedExtrinsic) => number;
  /** Sees every block's extrinsics before they are applied. */
  readonly onBlock?: (number: bigint, xs: readonly CheckedExtrinsic[]) => void;
}

export class SimChain {
  readonly state: State;
  readonly author: AccountId | null;
  private readonly nonces = new Map<AccountId, bigint>();
  private readonly env: Partial<ChainEnv>;

  constructor(genesis: GenesisConfig, env: Partial<ChainEnv> = {}) {
    this.state = genesisState(genesis);
    this.env = env;
    this.author = env.author === undefined ? simAccount('author') : env.author;
  }

  get block(): bigint {
    return this.state.value(storage.BlockNumber);
  }

  /** An extrinsic from `who` with its next nonce, counting those built for the coming block. */
  tx(who: AccountId, method: string, args: Call['args'] = {}): CheckedExtrinsic {
    const nonce = this.nonces.get(who) ?? this.state.get(storage.Accounts, who)?.nonce ?? 0n;
    this.nonces.set(who, nonce + 1n);
    return { signer: who, nonce, call: { method, args }, length: EXTRINSIC_LENGTH };
  }

  private headerOf(number: bigint): { readonly parentHash: string; readonly timestamp: bigint } {
    return (
      this.env.header?.(number) ?? {
        parentHash: `0x${number.toString(16).padStart(64, '0')}`,
        timestamp: number * 12_000n,
      }
    );
  }

  /**
   * Applies up to `max` empty blocks for as long as each is quiet (no epoch due, nothing else but
   * the routine emission; see the runtime's `applyQuietBlocks`): the state is exactly that of as
   * many `step()`s. Returns how many blocks it applied.
   */
  skipQuiet(max: bigint): bigint {
    const from = this.block;
    const n = applyQuietBlocks(this.state, max, (number) => this.headerOf(number));
    if (this.env.onBlock !== undefined) for (let b = from + 1n; b <= from + n; b++) this.env.onBlock(b, []);
    return n;
  }

  step(txs: readonly CheckedExtrinsic[] = []): BlockResult {
    const number = this.block + 1n;
    const sized = this.env.length;
    const xs = sized === undefined ? txs : txs.map((x, i) => ({ ...x, length: sized(number, i, x) }));
    this.env.onBlock?.(number, xs);
    const h = this.headerOf(number);
    const r = applyBlock(this.state, {
      header: { number, parentHash: h.parentHash, author: this.author, timestamp: h.timestamp },
      extrinsics: xs,
    });
    this.nonces.clear();
    return r;
  }
}
