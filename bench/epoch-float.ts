/**
 * The same epoch steps in float64, for the benchmark's exact/float ratio only. Never used by the
 * runtime: floats round differently at every step and would not reproduce the chain's bits.
 */
export interface FloatEpochInput {
  n: number;
  stake: Float64Array;
  active: Uint8Array;
  permit: Uint8Array;
  /** Dense rows for validators: weights[i] has length n, or is empty. */
  weights: Float64Array[];
  bonds: Float64Array[];
  kappa: number;
  alpha: number;
}

function normalize(v: Float64Array): void {
  let s = 0;
  for (const x of v) s += x;
  if (s !== 0) for (let i = 0; i < v.length; i++) v[i] = (v[i] as number) / s;
}

export function floatEpoch(inp: FloatEpochInput): { incentive: Float64Array; dividends: Float64Array } {
  const { n } = inp;
  const stake = Float64Array.from(inp.stake);
  normalize(stake);
  const active = new Float64Array(n);
  for (let i = 0; i < n; i++) active[i] = inp.active[i] && inp.permit[i] ? (stake[i] as number) : 0;
  normalize(active);
  const vals: number[] = [];
  for (let i = 0; i < n; i++) if ((active[i] as number) > 0) vals.push(i);
  const m = vals.length;
  // Row-normalised weights of validators with active stake.
  const w: Float64Array[] = vals.map((i) => {
    const row = Float64Array.from(inp.weights[i] ?? new Float64Array(n));
    row[i] = 0;
    normalize(row);
    return row;
  });
  const st = Float64Array.from(vals, (i) => active[i] as number);
  // Consensus: stake-weighted median per column, quickselect.
  const consensus = new Float64Array(n);
  const idx = new Int32Array(m);
  const tmp = new Int32Array(m);
  const col = new Float64Array(m);
  let total = 0;
  for (const s of st) total += s;
  const minority = total - inp.kappa;
  for (let j = 0; j < n; j++) {
    for (let r = 0; r < m; r++) {
      col[r] = (w[r] as Float64Array)[j] as number;
      idx[r] = r;
    }
    let len = m;
    let lo = 0;
    let hi = total;
    let cur = idx;
    let nxt = tmp;
    let result = 0;
    for (;;) {
      if (len === 0) break;
      if (len === 1) {
        result = col[cur[0] as number] as number;
        break;
      }
      const pivot = col[cur[len >> 1] as number] as number;
      let ls = 0;
      let hs = 0;
      let nl = 0;
      let nu = 0;
      for (let k = 0; k < len; k++) {
        const p = cur[k] as number;
        const s = col[p] as number;
        if (s < pivot) {
          nxt[nl++] = p;
          ls += st[p] as number;
        } else if (s > pivot) {
          cur[nu++] = p;
          hs += st[p] as number;
        }
      }
      if (minority < lo + ls && nl > 0) {
        hi = lo + ls;
        len = nl;
        const t = cur;
        cur = nxt;
        nxt = t;
      } else if (hi - hs <= minority && nu > 0) {
        lo = hi - hs;
        len = nu;
      } else {
        result = pivot;
        break;
      }
    }
    consensus[j] = result;
  }
  // Clip, ranks, incentive.
  const incentive = new Float64Array(n);
  const trust = new Float64Array(m);
  for (let r = 0; r < m; r++) {
    const row = w[r] as Float64Array;
    let t = 0;
    for (let j = 0; j < n; j++) {
      const c = Math.min(row[j] as number, consensus[j] as number);
      row[j] = c;
      t += c;
      incentive[j] = (incentive[j] as number) + (st[r] as number) * c;
    }
    trust[r] = t;
  }
  normalize(incentive);
  // Yuma3 bonds EMA, column-normalise, dividends.
  const ema: Float64Array[] = vals.map((i, r) => {
    const b = inp.bonds[i] ?? new Float64Array(n);
    const row = w[r] as Float64Array;
    const out = new Float64Array(n);
    for (let j = 0; j < n; j++)
      out[j] = Math.min(1, (1 - inp.alpha) * (b[j] as number) + inp.alpha * (row[j] as number));
    return out;
  });
  const colSum = new Float64Array(n);
  for (const row of ema) for (let j = 0; j < n; j++) colSum[j] = (colSum[j] as number) + (row[j] as number);
  const dividends = new Float64Array(n);
  ema.forEach((row, r) => {
    let d = 0;
    for (let j = 0; j < n; j++)
      if ((colSum[j] as number) > 0) d += ((row[j] as number) / (colSum[j] as number)) * (incentive[j] as number);
    dividends[vals[r] as number] = d * (st[r] as number);
  });
  normalize(dividends);
  return { incentive, dividends };
}
