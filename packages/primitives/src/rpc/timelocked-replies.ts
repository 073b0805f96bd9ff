/** `taonet_beacon` (the chain's drand beacon) and `taonet_timelockedCommits` (a subnet's pending and failed timelocked commits). */
export interface BeaconReply {
  readonly publicKey: string;
  readonly chainHash: string;
  readonly genesisTime: string;
  readonly period: string;
  readonly lastStoredRound: string;
  readonly oldestStoredRound: string;
}

/** `taonet_beacon`: the beacon, with the node's block time and head, from which a client derives a block's round. */
export interface BeaconStatusReply extends BeaconReply {
  readonly blockTimeMs: number;
  readonly head: string;
  /** The head block's timestamp (ms). */
  readonly headTimestamp: string;
}

export interface TimelockedCommitReply {
  readonly hotkey: string;
  readonly mecid: number;
  readonly commitEpoch: string;
  readonly revealEpoch: string;
  readonly commitBlock: string;
  readonly revealRound: string;
  readonly hash: string;
  readonly bytes: number;
}

export interface TimelockedFailureReply {
  readonly hotkey: string;
  readonly mecid: number;
  readonly commitEpoch: string;
  readonly commitBlock: string;
  readonly revealRound: string;
  readonly block: string;
  /** MalformedCiphertext, DecryptionFailed, UndecodablePayload, HotkeyMismatch, PulseNeverArrived, or a set_weights error. */
  readonly reason: string;
  readonly detail: string;
}

export interface TimelockedCommitsReply {
  readonly netuid: number;
  readonly commitRevealEnabled: boolean;
  readonly revealPeriodEpochs: number;
  readonly epoch: string;
  readonly lastStoredRound: string;
  readonly pending: readonly TimelockedCommitReply[];
  readonly failed: readonly TimelockedFailureReply[];
  readonly nextCommit: {
    readonly commitEpoch: string;
    readonly revealEpoch: string;
    readonly revealBlock: string;
  } | null;
}
