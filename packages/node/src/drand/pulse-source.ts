/**
 * Where a block author gets the beacon pulses it writes into its blocks. `pulses` must answer at
 * once (block building is synchronous); a source that fetches over the network does so ahead of
 * time in `prefetch`, which the producer calls after each block.
 */
import type { DrandPulse } from '@taonet/primitives';

export interface PulseSource {
  /** The pulses of rounds `from..to` it has now, consecutive from `from` (possibly none). */
  pulses(from: bigint, to: bigint): DrandPulse[];
  /** Starts getting rounds `from..to` for a later `pulses` call. */
  prefetch?(from: bigint, to: bigint): void;
  close?(): void;
}
