/** Typed shapes of what the client returns. */
import type { DynamicInfoReply } from '@taonet/primitives';
import type { Alpha, Price, Tao } from '../units/balance.js';

/** The outcome of a write. Never a tuple or a boolean: always the reason, and where to look. */
export interface TxResult {
  readonly ok: boolean;
  /** Error name when not ok (the chain's name, e.g. SettingWeightsTooFast). */
  readonly code?: string;
  readonly explanation?: string;
  /** What to do next, e.g. "next allowed at block 1234". */
  readonly hint?: string;
  /** Exact values behind the hint when the chain gives them, e.g. `amounts.free = { unit: 'TAO', rao }`. */
  readonly data?: Readonly<Record<string, unknown>>;
  readonly txHash?: string;
  readonly blockHash?: string;
  readonly blockNumber?: bigint;
  /** Events of this extrinsic in its block. */
  readonly events: readonly { readonly name: string; readonly data: Record<string, unknown> }[];
  /** Transaction fee paid (TAO). */
  readonly fee?: Tao;
  /** Where it failed: before submission (pre-check), at the pool, or in the block. */
  readonly stage?: 'precheck' | 'pool' | 'block';
  /** Sent through the MEV shield: the encrypted carrier and the extrinsic it carried (this result's). */
  readonly shielded?: { readonly carrierHash: string; readonly innerHash: string; readonly carrierFee?: Tao };
  /** Something the sender should know about how it was sent (e.g. MEV protection was unavailable). */
  readonly notice?: string;
}

export interface StakeQuote {
  readonly netuid: number;
  readonly side: 'buy' | 'sell';
  /** What goes in (TAO for a stake, alpha for an unstake), fee included. */
  readonly amountIn: Tao | Alpha;
  /** What comes out at the current pool state. */
  readonly expectedOut: Alpha | Tao;
  readonly fee: Tao | Alpha;
  readonly priceBefore: Price;
  readonly priceAfter: Price;
  /** Relative price move caused by this trade (0.01 = 1%). Display value. */
  readonly priceImpact: number;
  /** The limit price sent with the call (rao per alpha) for the chosen tolerance. */
  readonly limitPrice: bigint;
  /** Least output accepted at that limit (before any partial fill). */
  readonly minimumOut: Alpha | Tao;
}

export interface StakePosition {
  readonly hotkey: string;
  readonly netuid: number;
  readonly symbol: string;
  readonly alpha: Alpha;
  readonly price: Price;
  /** Value of the alpha at spot price — shown apart, never added to alpha. */
  readonly taoValue: Tao;
  readonly rootClaimable: Alpha;
  readonly take: number;
}

export interface AccountInfo {
  readonly address: string;
  readonly publicKey: string;
  readonly free: Tao;
  readonly nonce: bigint;
  readonly stakes: readonly StakePosition[];
  readonly stakedTaoValue: Tao;
}

export interface SubnetInfo {
  readonly netuid: number;
  readonly name: string;
  readonly symbol: string;
  readonly owner: string | null;
  readonly ownerHotkey: string | null;
  readonly started: boolean;
  readonly emissionEnabled: boolean;
  readonly tempo: number;
  readonly n: number;
  readonly maxUids: number;
  readonly price: Price;
  readonly movingPrice: bigint;
  readonly taoIn: Tao;
  readonly alphaIn: Alpha;
  readonly alphaOut: Alpha;
  readonly emissionShare: bigint;
  readonly taoEmission: Tao;
  readonly registrationCost: Tao;
  readonly blocksUntilNextEpoch: bigint;
  readonly lastEpochBlock: bigint;
  readonly taoFlow: bigint;
  readonly flowEma: bigint;
  readonly volume: Tao;
  /** The node's reply as received (decimal strings), for fields not typed above. */
  readonly raw: DynamicInfoReply;
}
