/**
 * The view of stake and parent/child links that child-hotkey arithmetic reads. The chain backs it
 * with storage (state-graph.ts); the conformance runner backs it with vector input, so both run
 * the same arithmetic.
 */

/** One `(proportion, hotkey)` link: proportion is parts of u64::MAX. */
export interface ChildLink {
  readonly proportion: bigint;
  readonly hotkey: string;
}

export interface ChildGraph {
  /** The hotkey's own TotalHotkeyAlpha on the subnet in question. */
  alpha(hotkey: string): bigint;
  /** The hotkey's own TotalHotkeyAlpha on root (its TAO stake). */
  root(hotkey: string): bigint;
  /** ChildKeys(hotkey), in stored order. */
  children(hotkey: string): readonly ChildLink[];
  /** ParentKeys(hotkey), in stored order. */
  parents(hotkey: string): readonly ChildLink[];
}
