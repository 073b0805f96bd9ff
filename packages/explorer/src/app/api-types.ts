/**
 * What the explorer's own server serves next to the page (`/api/*`): the history the node does not
 * keep. Amounts are rao as decimal strings, prices U64F64 raw as decimal strings, like the node.
 */

/** One subnet at one block, recorded by the explorer server as heads arrive. */
export interface SubnetPoint {
  readonly block: number;
  /** Block timestamp (ms). */
  readonly time: number;
  readonly price: string;
  readonly movingPrice: string;
  readonly taoIn: string;
  readonly alphaIn: string;
  readonly alphaOut: string;
  readonly taoEmission: string;
  readonly flowEma: string;
}

/** A stake or unstake seen in a block's events: its execution price is TAO paid over alpha got. */
export interface Trade {
  readonly block: number;
  readonly time: number;
  readonly side: 'stake' | 'unstake';
  readonly coldkey: string;
  readonly hotkey: string;
  readonly tao: string;
  readonly alpha: string;
}

export interface Registration {
  readonly block: number;
  readonly time: number;
  readonly uid: number;
  readonly hotkey: string;
  /** The hotkey this registration pruned, when it replaced one. */
  readonly replaced: string | null;
}

export interface AccountExtrinsic {
  readonly block: number;
  readonly time: number;
  readonly index: number;
  readonly hash: string;
  readonly method: string;
  readonly ok: boolean;
  readonly fee: string;
  readonly error: { readonly code: string; readonly explanation: string; readonly hint?: string } | null;
  /** Set on a transfer this account received (the row is the sender's extrinsic): from whom, how much (rao). */
  readonly incoming?: { readonly from: string; readonly amount: string };
}

export interface HistoryResponse {
  readonly netuid: number;
  /** How many blocks the ring buffer keeps. */
  readonly capacity: number;
  readonly points: readonly SubnetPoint[];
  /** From events: recorded live and backfilled from recent blocks at start (all kept, not only `since`). */
  readonly trades: readonly Trade[];
}

export interface StatusResponse {
  readonly rpc: string;
  readonly connected: boolean;
  readonly genesisHash: string | null;
  /** First and last block with a subnet snapshot in memory. */
  readonly recordedFrom: number | null;
  readonly recordedTo: number | null;
  /** Blocks whose events are indexed: [from, to]. */
  readonly indexedFrom: number | null;
  readonly indexedTo: number | null;
  readonly capacity: number;
}
