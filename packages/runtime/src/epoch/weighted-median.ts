/**
 * Stake-weighted median, the heart of consensus: for each miner, the largest weight level that at
 * least kappa of the active stake supports at or above. This is the reference's deterministic
 * mid-pivot quickselect, run on preallocated index buffers so a column costs no allocation.
 */
import { I32 } from '@taonet/primitives';
import type { SparseMatrix } from './sparse-matrix.js';
import { type FixedVector, normalize, sum } from './vector.js';

/** Scratch buffers for `medianOf`; reusable across columns. */
export class MedianScratch {
  a: Int32Array;
  b: Int32Array;
  constructor(size: number) {
    this.a = new Int32Array(size);
    this.b = new Int32Array(size);
  }
}

/**
 * Quickselect over the candidate indices `scratch.a[0..len)`, with the window [lo, hi]:
 * partition around the middle candidate's score, then descend into the side whose stake crosses
 * `minority`, or return the pivot. Lower/upper keep the walk order, exactly like the reference.
 */
function medianOf(
  stake: ArrayLike<bigint>,
  score: ArrayLike<bigint>,
  len0: number,
  minority: bigint,
  lo0: bigint,
  hi0: bigint,
  scratch: MedianScratch,
): bigint {
  let cur = scratch.a;
  let nxt = scratch.b;
  let len = len0;
  let lo = lo0;
  let hi = hi0;
  for (let round = 0; round <= len0; round++) {
    if (len === 0) return 0n;
    if (len === 1) return score[cur[0] as number] as bigint;
    const pivot = score[cur[len >> 1] as number] as bigint;
    let loStake = 0n;
    let hiStake = 0n;
    let nLower = 0;
    let nUpper = 0;
    // Stable partition: lower candidates go to `nxt`, upper ones are compacted to the front of
    // `cur` (the write index never passes the read index), both in walk order.
    for (let k = 0; k < len; k++) {
      const p = cur[k] as number;
      const s = score[p] as bigint;
      if (s < pivot) {
        nxt[nLower++] = p;
        loStake = I32.satAdd(loStake, stake[p] as bigint);
      } else if (s > pivot) {
        cur[nUpper++] = p;
        hiStake = I32.satAdd(hiStake, stake[p] as bigint);
      }
    }
    if (minority < I32.satAdd(lo, loStake) && nLower > 0) {
      hi = I32.satAdd(lo, loStake);
      len = nLower;
      const t = cur;
      cur = nxt;
      nxt = t;
    } else if (I32.satSub(hi, hiStake) <= minority && nUpper > 0) {
      lo = I32.satSub(hi, hiStake);
      len = nUpper;
    } else {
      return pivot;
    }
  }
  return 0n;
}

/**
 * The reference `weighted_median(stake, score, partition_idx, minority, lo, hi)`. Returns 0 when
 * stake and score lengths differ.
 */
export function weightedMedian(
  stake: FixedVector,
  score: FixedVector,
  partitionIdx: readonly number[],
  minority: bigint,
  lo: bigint,
  hi: bigint,
): bigint {
  if (stake.length !== score.length) return 0n;
  const scratch = new MedianScratch(Math.max(partitionIdx.length, 1));
  scratch.a.set(partitionIdx);
  return medianOf(stake, score, partitionIdx.length, minority, lo, hi, scratch);
}

/**
 * Column-wise consensus: the stake-weighted median of every column, over the rows with positive
 * stake (renormalised), at level `majority` (kappa). Absent entries count as 0.
 */
export function weightedMedianColSparse(
  stake: FixedVector,
  score: SparseMatrix,
  columns: number,
  majority: bigint,
): FixedVector {
  const rows: number[] = [];
  for (let i = 0; i < stake.length; i++) if ((stake[i] as bigint) > 0n) rows.push(i);
  const m = rows.length;
  const useStake = normalize(BigInt64Array.from(rows, (i) => stake[i] as bigint));
  const stakeSum = sum(useStake);
  const minority = I32.satSub(stakeSum, majority);
  // Column-major scores so each column's values are contiguous.
  const scores = new BigInt64Array(m * columns);
  rows.forEach((i, r) => {
    const row = score[i];
    if (row === undefined) return;
    for (let k = 0; k < row.cols.length; k++) {
      const j = row.cols[k] as number;
      if (j < columns) scores[j * m + r] = row.vals[k] as bigint;
    }
  });
  const out = new BigInt64Array(columns);
  const scratch = new MedianScratch(Math.max(m, 1));
  for (let j = 0; j < columns; j++) {
    for (let r = 0; r < m; r++) scratch.a[r] = r;
    out[j] = medianOf(useStake, scores.subarray(j * m, (j + 1) * m), m, minority, 0n, stakeSum, scratch);
  }
  return out;
}
