/**
 * Dense matrix helpers. The chain runs the sparse path; these exist because the reference's unit
 * tests (and so our vectors) pin them down, and because the dense Yuma3 bond EMA is a useful
 * cross-check of the sparse one. Matrices are lists of I32F32 rows; rows may be ragged or empty.
 */
import { I32 } from '@taonet/primitives';
import { bondsMovingAverageAlpha } from '../bonds-ema.js';
import { alphaSigmoid, type LiquidAlphaParams } from '../liquid-alpha.js';
import { sparseRow } from '../sparse-matrix.js';
import { type FixedVector, vecMul } from '../vector.js';
import { weightedMedianColSparse } from '../weighted-median.js';

export type DenseMatrix = BigInt64Array[];

const isEmpty = (m: DenseMatrix): boolean => m.length === 0 || (m[0] as BigInt64Array).length === 0;
const copy = (m: DenseMatrix): DenseMatrix => m.map((r) => new BigInt64Array(r));

export function rowNormalize(m: DenseMatrix): DenseMatrix {
  return m.map((row) => {
    let s = 0n;
    for (const v of row) s += v;
    return s > 0n ? row.map((v) => I32.safeDiv(v, s)) : new BigInt64Array(row);
  });
}

function columnFold(m: DenseMatrix, init: bigint, f: (acc: bigint, v: bigint) => bigint): BigInt64Array {
  const width = m.reduce((w, r) => Math.max(w, r.length), 0);
  const out = new BigInt64Array(width).fill(init);
  for (const row of m) {
    row.forEach((v, j) => {
      out[j] = f(out[j] as bigint, v);
    });
  }
  return out;
}

function divideColumns(m: DenseMatrix, by: BigInt64Array): DenseMatrix {
  return m.map((row) => row.map((v, j) => ((by[j] as bigint) !== 0n ? I32.safeDiv(v, by[j] as bigint) : v)));
}

export function colNormalize(m: DenseMatrix): DenseMatrix {
  return divideColumns(
    m,
    columnFold(m, 0n, (a, v) => a + v),
  );
}

export function colMaxUpscale(m: DenseMatrix): DenseMatrix {
  if (isEmpty(m)) return copy(m);
  return divideColumns(
    m,
    columnFold(m, 0n, (a, v) => (v > a ? v : a)),
  );
}

/** Masked cells become 0. An empty mask changes nothing; missing mask cells count as masked. */
export function maskMatrix(mask: readonly (readonly boolean[])[], m: DenseMatrix): DenseMatrix {
  if (mask.length === 0 || (mask[0] as readonly boolean[]).length === 0) return copy(m);
  return m.map((row, i) => row.map((v, j) => ((mask[i]?.[j] ?? true) ? 0n : v)));
}

/** Masked rows become zeros, with the width of the first row; a missing entry counts as masked. */
export function maskRows(mask: readonly boolean[], m: DenseMatrix): DenseMatrix {
  const width = m[0]?.length ?? 0;
  return m.map((row, i) => ((mask[i] ?? true) ? new BigInt64Array(width) : new BigInt64Array(row)));
}

/** Zeroes the diagonal of a square matrix (other shapes are returned unchanged). */
export function maskDiag(m: DenseMatrix, except?: number): DenseMatrix {
  const out = copy(m);
  if (m.length === 0 || m.length !== (m[0] as BigInt64Array).length) return out;
  out.forEach((row, i) => {
    if (i !== except) row[i] = 0n;
  });
  return out;
}

export function matVecMul(m: DenseMatrix, v: FixedVector): DenseMatrix {
  if (isEmpty(m)) return [new BigInt64Array(0)];
  return m.map((row) => vecMul(row, v));
}

/** Row i scaled by v_i; stops when v runs out. */
export function rowHadamard(m: DenseMatrix, v: FixedVector): DenseMatrix {
  if (isEmpty(m)) return [new BigInt64Array(0)];
  return m.slice(0, v.length).map((row, i) => row.map((x) => I32.satMul(x, v[i] as bigint)));
}

export function rowSum(m: DenseMatrix): FixedVector {
  if (isEmpty(m)) return new BigInt64Array(0);
  return BigInt64Array.from(m, (row) => row.reduce((a, v) => a + v, 0n));
}

/** r_j = Σ_i v_i × m_ij over the width of the first row; a missing v_i counts as 0. */
export function matmul(m: DenseMatrix, v: FixedVector): FixedVector {
  if (isEmpty(m)) return new BigInt64Array(0);
  const out = new BigInt64Array((m[0] as BigInt64Array).length);
  m.forEach((row, i) => {
    const s = v[i] ?? 0n;
    for (let j = 0; j < out.length; j++) out[j] = I32.satAdd(out[j] as bigint, I32.satMul(s, row[j] ?? 0n));
  });
  return out;
}

/** r_i = Σ_j m_ij × v_j over the shorter of the row and v. */
export function matmulTranspose(m: DenseMatrix, v: FixedVector): FixedVector {
  if (isEmpty(m)) return new BigInt64Array(0);
  return BigInt64Array.from(m, (row) => {
    let acc = 0n;
    const n = Math.min(row.length, v.length);
    for (let j = 0; j < n; j++) acc = I32.satAdd(acc, I32.satMul(row[j] as bigint, v[j] as bigint));
    return acc;
  });
}

export function colClip(m: DenseMatrix, threshold: FixedVector): DenseMatrix {
  return m.map((row) => row.map((v, j) => (j < threshold.length ? I32.min(v, threshold[j] as bigint) : v)));
}

/** Column-wise stake-weighted median over the positive-stake rows, renormalised. */
export function weightedMedianCol(stake: FixedVector, score: DenseMatrix, majority: bigint): FixedVector {
  const columns = score[0]?.length ?? 0;
  const sparse = score.map((row) =>
    sparseRow(
      Array.from(row, (_, j) => j),
      row,
    ),
  );
  return weightedMedianColSparse(stake, sparse, columns, majority);
}

/** a + ratio × (b − a), shaped like `mat1`; ratio 0 and 1 return an input unchanged. */
export function interpolate(mat1: DenseMatrix, mat2: DenseMatrix, ratio: bigint): DenseMatrix {
  if (ratio === 0n) return copy(mat1);
  if (ratio === I32.ONE) return copy(mat2);
  if (isEmpty(mat1)) return [new BigInt64Array(0)];
  return mat1.map((row, i) =>
    row.map((a, j) => {
      const b = mat2[i]?.[j] ?? 0n;
      return I32.satAdd(a, I32.satMul(ratio, I32.satSub(b, a)));
    }),
  );
}

/** α × new + (1 − α) × old over zipped rows. */
export function matEma(next: DenseMatrix, old: DenseMatrix, alpha: bigint): DenseMatrix {
  if (isEmpty(next)) return [new BigInt64Array(0)];
  const oneMinus = I32.satSub(I32.ONE, alpha);
  const rows = Math.min(next.length, old.length);
  return next
    .slice(0, rows)
    .map((row, i) => row.map((x, j) => I32.satAdd(I32.satMul(alpha, x), I32.satMul(oneMinus, old[i]?.[j] ?? 0n))));
}

/** min(1, (1 − a) × old + max(0, a × new)) cell by cell, every cell computed (the dense quirk). */
export function matEmaAlpha(next: DenseMatrix, old: DenseMatrix, alpha: DenseMatrix): DenseMatrix {
  if (isEmpty(next)) return [new BigInt64Array(0)];
  if (next.length !== old.length) return copy(old);
  if (next.some((row, i) => row.length !== (old[i] as BigInt64Array).length)) return copy(next);
  return next.map((row, i) =>
    row.map((x, j) => {
      const a = alpha[i]?.[j] ?? 0n;
      const decayed = I32.satMul(I32.satSub(I32.ONE, a), (old[i] as BigInt64Array)[j] as bigint);
      return I32.min(I32.ONE, I32.satAdd(decayed, I32.max(0n, I32.satMul(a, x))));
    }),
  );
}

export interface ComputeBondsParams {
  readonly liquidAlphaEnabled: boolean;
  readonly alpha: LiquidAlphaParams;
  readonly bondsMovingAverage: bigint;
}

/** Dense Yuma3 bond EMA (`compute_bonds`), liquid or fixed alpha. */
export function computeBonds(
  weights: DenseMatrix,
  bonds: DenseMatrix,
  consensus: FixedVector,
  p: ComputeBondsParams,
): DenseMatrix {
  if (p.liquidAlphaEnabled && consensus.length > 0 && consensus.some((c) => c !== 0n)) {
    const alpha = weights.map((wRow, i) => {
      const bRow = bonds[i] ?? new BigInt64Array(0);
      const n = Math.min(wRow.length, bRow.length, consensus.length);
      const out = new BigInt64Array(n);
      for (let j = 0; j < n; j++) {
        out[j] = alphaSigmoid(consensus[j] as bigint, wRow[j] as bigint, bRow[j] as bigint, p.alpha);
      }
      return out;
    });
    return matEmaAlpha(weights, bonds, alpha);
  }
  return matEma(weights, bonds, bondsMovingAverageAlpha(p.bondsMovingAverage));
}
