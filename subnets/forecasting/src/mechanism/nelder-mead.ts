/**
 * Nelder–Mead simplex minimisation: derivative-free, deterministic, a few dozen lines. Enough for
 * the honest miner's two- or three-parameter likelihood, where gradients would be tedious and a
 * dependency would be overkill. Standard coefficients (reflection 1, expansion 2, contraction ½,
 * shrink ½).
 */

/** Options of {@link nelderMead}. */
export interface NelderMeadOptions {
  /** Initial simplex edge along each axis. Default 0.5. */
  readonly step?: number;
  /** Stop when the simplex's function values span less than this. Default 1e-9. */
  readonly tolerance?: number;
  /** Hard cap on iterations. Default 500. */
  readonly maxIterations?: number;
}

/** The best point found and its value. */
export interface NelderMeadResult {
  readonly x: number[];
  readonly value: number;
  readonly iterations: number;
}

/**
 * Minimises `f` from `x0`. Non-finite values of `f` are treated as +∞, so the objective may signal
 * an infeasible point by returning NaN or Infinity.
 */
export function nelderMead(
  f: (x: readonly number[]) => number,
  x0: readonly number[],
  options: NelderMeadOptions = {},
): NelderMeadResult {
  const step = options.step ?? 0.5;
  const tolerance = options.tolerance ?? 1e-9;
  const maxIterations = options.maxIterations ?? 500;
  const n = x0.length;
  const evaluate = (x: number[]): number => {
    const v = f(x);
    return Number.isFinite(v) ? v : Number.POSITIVE_INFINITY;
  };

  let simplex: { x: number[]; v: number }[] = [{ x: [...x0], v: evaluate([...x0]) }];
  for (let i = 0; i < n; i++) {
    const x = [...x0];
    x[i] = (x[i] as number) + step;
    simplex.push({ x, v: evaluate(x) });
  }

  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    simplex.sort((a, b) => a.v - b.v);
    const best = simplex[0] as { x: number[]; v: number };
    const worst = simplex[n] as { x: number[]; v: number };
    const secondWorst = simplex[n - 1] as { x: number[]; v: number };
    if (Number.isFinite(worst.v) && worst.v - best.v < tolerance) break;

    const centroid = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) centroid[j] = (centroid[j] as number) + (simplex[i]?.x[j] as number) / n;
    const along = (t: number): number[] => centroid.map((c, j) => c + t * ((worst.x[j] as number) - c));

    const reflected = along(-1);
    const vr = evaluate(reflected);
    if (vr < best.v) {
      const expanded = along(-2);
      const ve = evaluate(expanded);
      simplex[n] = ve < vr ? { x: expanded, v: ve } : { x: reflected, v: vr };
    } else if (vr < secondWorst.v) {
      simplex[n] = { x: reflected, v: vr };
    } else {
      // Contract toward the better of the worst point and its reflection.
      const outside = vr < worst.v;
      const contracted = along(outside ? -0.5 : 0.5);
      const vc = evaluate(contracted);
      if (vc < (outside ? vr : worst.v)) {
        simplex[n] = { x: contracted, v: vc };
      } else {
        simplex = simplex.map((p, i) => {
          if (i === 0) return p;
          const x = p.x.map((xj, j) => (best.x[j] as number) + 0.5 * (xj - (best.x[j] as number)));
          return { x, v: evaluate(x) };
        });
      }
    }
  }
  simplex.sort((a, b) => a.v - b.v);
  const best = simplex[0] as { x: number[]; v: number };
  return { x: best.x, value: best.v, iterations };
}
