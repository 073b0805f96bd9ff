/** `taonet_mechanisms`: a subnet's mechanisms, their emission split and what each will receive. */
export interface MechanismsReply {
  readonly netuid: number;
  readonly count: number;
  /** The network-wide maximum an owner may set. */
  readonly maxCount: number;
  /** The owner's split (u16 parts summing to 65535), or null for even. */
  readonly split: readonly number[] | null;
  /** The split in effect, one u16 part per mechanism. */
  readonly effectiveSplit: readonly number[];
  /** Alpha (rao) accumulated for the next epoch, per mechanism. */
  readonly pendingEmission: readonly string[];
  /** Last block's alpha emission (rao), per mechanism. */
  readonly blockEmission: readonly string[];
}
