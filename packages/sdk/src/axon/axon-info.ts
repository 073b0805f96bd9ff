/** Where an axon can be reached: what it publishes on chain and what a dendrite targets. */

/** An axon endpoint (the chain's `AxonInfo` carries more; a dendrite needs these three). */
export interface AxonTarget {
  /** The advertised (external) IP address. */
  readonly ip: string;
  /** The advertised (external) port. */
  readonly port: number;
  /** The axon's SS58 hotkey, which the dendrite's signature covers. */
  readonly hotkey: string;
}

/** What a running axon advertises. */
export interface AxonInfo extends AxonTarget {
  /** `version_as_int` of the axon software. */
  readonly version: number;
}
