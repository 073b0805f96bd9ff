/** Reply of `taonet_childKeys`: a hotkey's child hotkeys, parents and pending children on a subnet. */

/** One link: the proportion is parts of u64::MAX (decimal string). */
export interface ChildKeyLinkReply {
  readonly proportion: string;
  readonly hotkey: string;
}

export interface ChildKeysReply {
  readonly hotkey: string;
  readonly netuid: number;
  readonly children: readonly ChildKeyLinkReply[];
  readonly parents: readonly ChildKeyLinkReply[];
  /** The scheduled list; it applies at the subnet's first epoch after `cooldownBlock`. */
  readonly pending: { readonly children: readonly ChildKeyLinkReply[]; readonly cooldownBlock: string } | null;
  /** Effective childkey take, parts of 65535. */
  readonly childkeyTake: number;
  readonly alphaInherited: string;
  readonly taoInherited: string;
}
