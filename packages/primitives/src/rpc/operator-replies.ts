/** Replies of the operator reads: a coldkey's swap status (`taonet_coldkeySwap`) and identities (`taonet_identity`). */

export interface ColdkeySwapReply {
  readonly coldkey: string;
  /** The announced swap: the block it may run at and the blake2b-256 hash of the new coldkey. */
  readonly announcement: { readonly when: string; readonly newColdkeyHash: string } | null;
  /** Block the swap was disputed at, or null. */
  readonly disputedAt: string | null;
  /** The chain's head when read, so a client can tell whether the delay has passed. */
  readonly block: string;
  /** Last block this coldkey swapped a hotkey (0 = never). */
  readonly lastHotkeySwap: string;
}

export interface ChainIdentityReply {
  readonly name: string;
  readonly url: string;
  readonly githubRepo: string;
  readonly image: string;
  readonly discord: string;
  readonly description: string;
  readonly additional: string;
}

/** `taonet_identities`: every coldkey identity, by coldkey (0x hex). */
export interface IdentityEntryReply {
  readonly coldkey: string;
  readonly identity: ChainIdentityReply;
}

/** One committed field: `kind` and, for data kinds, 0x hex bytes (timelocked ones with their round). */
export interface CommitmentFieldReply {
  readonly kind: string;
  readonly data?: string;
  readonly revealRound?: string;
}

/** `taonet_commitment` / `taonet_commitments`: a hotkey's commitment on a subnet. */
export interface CommitmentReply {
  readonly hotkey: string;
  readonly netuid: number;
  readonly fields: readonly CommitmentFieldReply[];
  readonly block: string;
  /** `taonet_commitment` only: beacon rounds of the timelocked fields still sealed. */
  readonly pendingRounds?: readonly string[];
  /** `taonet_commitment` only: revealed plaintexts (0x hex) with their reveal blocks, oldest first. */
  readonly revealed?: readonly { readonly data: string; readonly block: string }[];
  /** `taonet_commitment` only: timelocked fields that failed to decrypt, and why. */
  readonly revealFailures?: readonly {
    readonly revealRound: string;
    readonly block: string;
    readonly reason: string;
    readonly detail: string;
  }[];
}

/** `taonet_proxies`: the proxies of an account. */
export interface ProxyDefinitionReply {
  readonly delegate: string;
  readonly proxyType: string;
  readonly delay: string;
}
