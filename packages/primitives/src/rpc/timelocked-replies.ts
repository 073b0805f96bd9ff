/** `taonet_beacon` (the chain's drand beacon) and `taonet_timelockedCommits` (a subnet's pending and failed timelocked commits). */
export interface BeaconReply {
  readonly publicKey: string;
  readonly chainHash: string;
  readonly genesisTime: string;
  readonly period: string;
  readonly lastStoredRound: string;
  readonly oldestStoredRound: string;
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
}
