/** Replies of the account views: `taonet_accountInfo`, `taonet_nextAllowed`. */

/** One stake position. Alpha and its TAO value are given apart: they never add without a price. */
export interface StakePositionReply {
  readonly hotkey: string;
  readonly netuid: number;
  readonly symbol: string;
  readonly alpha: string;
  /** Spot price, U64F64 raw. */
  readonly price: string;
  readonly taoValue: string;
  readonly rootClaimable: string;
  readonly take: number;
}

/** `taonet_accountInfo`. */
export interface AccountInfoReply {
  /** 0x hex public key. */
  readonly account: string;
  readonly free: string;
  readonly nonce: string;
  readonly stakes: readonly StakePositionReply[];
  readonly stakedTaoValue: string;
}

/** `taonet_nextAllowed`: the first blocks at which rate-limited calls pass. */
export interface NextAllowedReply {
  readonly netuid: number;
  readonly hotkey: string;
  readonly registered: boolean;
  /** Null when the hotkey is not registered on the subnet. */
  readonly weights: string | null;
  readonly serve: string;
}
