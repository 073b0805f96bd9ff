/**
 * Liquid alpha: a per-(validator, miner) EMA rate from a sigmoid of how far the validator's weight
 * sits from consensus (buying) or below its own bond (selling). All through the chain's exp.
 */
import { expSafe, I32 } from '@taonet/primitives';
import type { AlphaSource } from './bonds-ema.js';
import type { SparseMatrix, SparseRow } from './sparse-matrix.js';
import type { FixedVector } from './vector.js';

const MINUS_100 = -100n << 32n;

function clampUnit(x: bigint): bigint {
  return x < 0n ? 0n : x > I32.ONE ? I32.ONE : x;
}

/** Legacy sigmoid kept for its exact exp coverage: `1 / (1 + exp((rho × −1) × (x − kappa)))`. */
export function sigmoidSafe(input: bigint, rho: bigint, kappa: bigint): bigint {
  const t = I32.satMul(I32.satMul(rho, -I32.ONE), I32.satSub(input, kappa));
  return I32.safeDiv(I32.ONE, I32.satAdd(I32.ONE, expSafe(t)));
}

export interface LiquidAlphaParams {
  /** Lower bound of alpha, I32F32 raw. */
  readonly low: bigint;
  /** Upper bound of alpha, I32F32 raw. */
  readonly high: bigint;
  /** Integer-valued I32F32 of the i16 steepness (1000 means a slope of 10). */
  readonly steepness: bigint;
}

/** The liquid-alpha rate for one cell. */
export function alphaSigmoid(consensus: bigint, weight: bigint, bond: bigint, p: LiquidAlphaParams): bigint {
  const buy = clampUnit(I32.satSub(weight, consensus));
  const sell = clampUnit(I32.satSub(bond, weight));
  const d = weight >= bond ? buy : sell;
  const t = I32.satMul(I32.satDiv(p.steepness, MINUS_100), I32.satSub(d, I32.HALF));
  const sig = I32.satDiv(I32.ONE, I32.satAdd(I32.ONE, expSafe(t)));
  const a = I32.satAdd(p.low, I32.satMul(sig, I32.satSub(p.high, p.low)));
  return I32.max(I32.min(a, p.high), p.low);
}

/**
 * Reads a row into `out[0..width)` with the reference's forward merge, which assumes the row is
 * sorted by column: entries are skipped while their column is below j, taken on an exact match,
 * and the scan waits at the first column above j. On an unsorted row some entries read as 0.
 */
export function forwardMergeRow(row: SparseRow, out: BigInt64Array, width: number): void {
  let p = 0;
  const len = row.cols.length;
  for (let j = 0; j < width; j++) {
    let v = 0n;
    while (p < len) {
      const c = row.cols[p] as number;
      if (c === j) {
        v = row.vals[p] as bigint;
        p++;
        break;
      }
      if (c > j) break;
      p++;
    }
    out[j] = v;
  }
}

/** The dense n × len(consensus) alpha matrix. A row-count mismatch gives no rows. */
export function liquidAlphaValuesSparse(
  weights: SparseMatrix,
  bonds: SparseMatrix,
  consensus: FixedVector,
  p: LiquidAlphaParams,
): BigInt64Array[] {
  if (weights.length !== bonds.length) return [];
  const width = consensus.length;
  const w = new BigInt64Array(width);
  const b = new BigInt64Array(width);
  return weights.map((wRow, i) => {
    forwardMergeRow(wRow, w, width);
    forwardMergeRow(bonds[i] as SparseRow, b, width);
    const row = new BigInt64Array(width);
    for (let j = 0; j < width; j++) row[j] = alphaSigmoid(consensus[j] as bigint, w[j] as bigint, b[j] as bigint, p);
    return row;
  });
}

/**
 * The same alphas computed on demand, row by row, for the cells the EMA actually reads. Gives the
 * values of `liquidAlphaValuesSparse` without building an n × n matrix for a 4096-uid subnet.
 */
export function lazyLiquidAlpha(
  weights: SparseMatrix,
  bonds: SparseMatrix,
  consensus: FixedVector,
  p: LiquidAlphaParams,
): AlphaSource {
  const width = consensus.length;
  const w = new BigInt64Array(width);
  const b = new BigInt64Array(width);
  const cache = new BigInt64Array(width);
  const known = new Uint8Array(width);
  let row = -1;
  return {
    width: () => (weights.length === bonds.length ? width : 0),
    get(i, j) {
      if (i !== row) {
        forwardMergeRow(weights[i] as SparseRow, w, width);
        forwardMergeRow(bonds[i] as SparseRow, b, width);
        known.fill(0);
        row = i;
      }
      if (known[j] === 0) {
        cache[j] = alphaSigmoid(consensus[j] as bigint, w[j] as bigint, b[j] as bigint, p);
        known[j] = 1;
      }
      return cache[j] as bigint;
    },
  };
}
