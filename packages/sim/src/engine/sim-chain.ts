/**
 * The chain the simulator drives: a genesis state and the runtime's own `applyBlock`. Calls go in
 * as checked extrinsics — what the node hands the runtime after the signature and era checks — so
 * nonces, fees and dispatch are the chain's, and only the signature is skipped.
 */
import { type AccountId, accountFromBytes, blake2b256 } from '@taonet/primitives';
import {
  applyBlock,
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

export class SimChain {
  readonly state: State;
  readonly author = simAccount('author');
  private readonly nonces = new Map<AccountId, bigint>();

  constructor(genesis: GenesisConfig) {
    this.state = genesisState(genesis);
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

  step(xs: readonly CheckedExtrinsic[] = []): BlockResult {
    const number = this.block + 1n;
    const r = applyBlock(this.state, {
      header: {
        number,
        parentHash: `0x${number.toString(16).padStart(64, '0')}`,
        author: this.author,
        timestamp: number * 12_000n,
      },
      extrinsics: xs,
    });
    this.nonces.clear();
    return r;
  }
}
