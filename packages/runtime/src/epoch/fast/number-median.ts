/**
 * `weightedMedianColSparse` for the fast kernel: the same quickselect, step for step, on exact
 * integer Numbers. The caller guarantees stakes and scores in [0, 2^32] and fewer than 2^20
 * staked rows, so every stake sum is an integer below 2^52 and the reference's saturating adds
 * and subtractions never saturate: plain Number arithmetic gives the same bits.
 */
import { I32 } from '@taonet/primitives';
import type { NumMatrix } from './number-matrix.js';
import type { ScratchBuffer } from './scratch-buffer.js';
import { MedianScratch } from '../weighted-median.js';
import { type FixedVector, normalize, sum } from '../vector.js';

function medianOfNum(
  stake: Float64Array,
  score: Float64Array,
  len0: number,
  minority: number,
  lo0: number,
  hi0: number,
  scratch: MedianScratch,
): number {
  let cur = scratch.a;
  let nxt = scratch.b;
  let len = len0;
  let lo = lo0;
  let hi = hi0;
  for (let round = 0; round <= len0; round++) {
    if (len === 0) return 0;
    if (len === 1) return score[cur[0] as number] as number;
    const pivot = score[cur[len >> 1] as number] as number;
    let loStake = 0;
    let hiStake = 0;
    let nLower = 0;
    let nUpper = 0;
    // The reference's stable partition, written without branches (each candidate is stored on
    // both sides and kept where its comparison adds 1): a random weight column would
    // mispredict half of them. Adding 0 × stake leaves the exact integer sums unchanged.
    for (let k = 0; k < len; k++) {
      const p = cur[k] as number;
      const s = score[p] as number;
      const st = stake[p] as number;
      const below = +(s < pivot);
      const above = +(s > pivot);
      nxt[nLower] = p;
      nLower += below;
      loStake += below * st;
      cur[nUpper] = p;
      nUpper += above;
      hiStake += above * st;
    }
    if (minority < lo + loStake && nLower > 0) {
      hi = lo + loStake;
      len = nLower;
      const t = cur;
      cur = nxt;
      nxt = t;
    } else if (hi - hiStake <= minority && nUpper > 0) {
      lo = hi - hiStake;
      len = nUpper;
    } else {
      return pivot;
    }
  }
  return 0;
}

/**
 * Column-wise consensus over Number weights, the score columns laid out in `columnBuffer`; null when
 * the staked rows exceed the proven range.
 */
export function weightedMedianColNum(
  stake: FixedVector,
  score: NumMatrix,
  columns: number,
  majority: bigint,
  columnBuffer: ScratchBuffer,
): Float64Array | null {
  const rows: number[] = [];
  for (let i = 0; i < stake.length; i++) if ((stake[i] as bigint) > 0n) rows.push(i);
  const m = rows.length;
  if (m >= 2 ** 20) return null;
  const useStakeFixed = normalize(BigInt64Array.from(rows, (i) => stake[i] as bigint));
  const stakeSum = sum(useStakeFixed);
  const minority = I32.satSub(stakeSum, majority);
  if (minority < -(2n ** 52n) || minority > 2n ** 52n) return null;
  const useStake = Float64Array.from(useStakeFixed, Number);
  const scores = columnBuffer.vals(m * columns).fill(0, 0, m * columns);
  rows.forEach((i, r) => {
    const row = score[i];
    if (row === undefined) return;
    for (let k = 0; k < row.cols.length; k++) {
      const j = row.cols[k] as number;
      if (j < columns) scores[j * m + r] = row.vals[k] as number;
    }
  });
  const out = new Float64Array(columns);
  const scratch = new MedianScratch(Math.max(m, 1));
  const total = Number(stakeSum);
  for (let j = 0; j < columns; j++) {
    for (let r = 0; r < m; r++) scratch.a[r] = r;
    out[j] = medianOfNum(useStake, scores.subarray(j * m, (j + 1) * m), m, Number(minority), 0, total, scratch);
  }
  return out;
}
