/**
 * Queries miners and records when each answer arrived here, in milliseconds from the start of the
 * round. Arrival at the validator is what orders submissions ("who answered first"): a per-request
 * round-trip time would not, because requests leave at slightly different moments, and a copier
 * relaying someone's answer could then look earlier than the original.
 */
import type { Dendrite, Synapse } from '@taonet/sdk';
import type { MinerRef } from './base-validator.js';

export interface TimedAnswer<S extends Synapse> {
  readonly answer: S;
  /** Milliseconds from the start of the round until this answer arrived. */
  readonly arrivedMs: number;
}

export async function queryTimed<S extends Synapse>(
  dendrite: Dendrite,
  miners: readonly MinerRef[],
  synapse: S,
  timeoutS: number,
): Promise<TimedAnswer<S>[]> {
  const t0 = performance.now();
  return Promise.all(
    miners.map((m) =>
      dendrite
        .call(m.axon, synapse, { timeout: timeoutS })
        .then((answer) => ({ answer, arrivedMs: performance.now() - t0 })),
    ),
  );
}
