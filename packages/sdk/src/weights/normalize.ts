/**
 * `convert_weights_and_uids_for_emit`: float weights to the u16 values `set_weights` sends. The
 * weights are float32 first (numpy), then each is divided by the maximum and scaled by 65535 in
 * float64, rounded half-to-even (Python `round`), and zeros are dropped.
 */
import { InvalidInput, LengthMismatch, NegativeUid, NegativeWeight } from '../errors.js';

const U16_MAX = 65535;

/** Python's `round()` of a float: to the nearest integer, ties to even. */
export function roundHalfEven(x: number): number {
  const f = Math.floor(x);
  const d = x - f;
  if (d > 0.5) return f + 1;
  if (d < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

/** UIDs and u16 values ready for `set_weights`. */
export interface EmitWeights {
  readonly uids: number[];
  readonly values: number[];
}

/**
 * Normalizes weights for emission. Checks run in upstream's order: negative weight, negative UID,
 * then length mismatch. All-zero weights give empty lists.
 * @throws NegativeWeight, NegativeUid, LengthMismatch; InvalidInput for NaN or infinite weights or non-integer UIDs.
 */
export function normalizeWeightsForEmit(uids: readonly number[], weights: readonly number[]): EmitWeights {
  const w = weights.map((x) => Math.fround(x));
  if (w.some((x) => Number.isNaN(x))) throw new InvalidInput('A weight is NaN.');
  if (w.some((x) => x < 0)) throw new NegativeWeight();
  if (uids.some((u) => u < 0)) throw new NegativeUid();
  if (uids.some((u) => !Number.isInteger(u))) throw new InvalidInput('UIDs must be integers.');
  if (uids.length !== w.length) throw new LengthMismatch(`${uids.length} UIDs but ${w.length} weights.`);
  const out: EmitWeights = { uids: [], values: [] };
  if (w.some((x) => x === Number.POSITIVE_INFINITY))
    throw new InvalidInput('A weight is infinite (or beyond float32).');
  if (w.every((x) => x === 0)) return out;
  const max = w.reduce((a, b) => (b > a ? b : a), 0);
  w.forEach((x, i) => {
    const v = roundHalfEven((x / max) * U16_MAX);
    if (v !== 0) {
      out.uids.push(uids[i] as number);
      out.values.push(v);
    }
  });
  return out;
}
