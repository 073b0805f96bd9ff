/**
 * Environment (b1): a square system of linear equations with a planted integer solution. The
 * matrix is kept only if it is non-singular, so the solution is unique; the checker does not
 * compare against it but substitutes the answer into every equation with exact bigints.
 */
import {
  answerTokens,
  clampDifficulty,
  type Environment,
  type Instance,
  instanceId,
  MAX_ANSWER_LENGTH,
} from '../environment.js';
import { Prng, type Seed } from '../prng.js';

/** The system A·x = b, as shown to the miner. */
export interface LinearPromptData {
  readonly kind: 'linear-system';
  readonly a: readonly (readonly number[])[];
  readonly b: readonly number[];
}

/** The planted solution (kept for diagnostics; the checker substitutes instead). */
export interface LinearCheckerData {
  readonly solution: readonly number[];
}

/** Determinant by fraction-free Gaussian elimination (Bareiss): exact, on bigints. */
export function determinant(a: readonly (readonly number[])[]): bigint {
  const n = a.length;
  const m = a.map((row) => row.map((v) => BigInt(v)));
  let sign = 1n;
  let prev = 1n;
  for (let k = 0; k < n - 1; k++) {
    let p = k;
    while (p < n && m[p]?.[k] === 0n) p++;
    if (p === n) return 0n;
    if (p !== k) {
      const tmp = m[p] as bigint[];
      m[p] = m[k] as bigint[];
      m[k] = tmp;
      sign = -sign;
    }
    const rk = m[k] as bigint[];
    const pivot = rk[k] as bigint;
    for (let i = k + 1; i < n; i++) {
      const ri = m[i] as bigint[];
      for (let j = k + 1; j < n; j++)
        ri[j] = ((ri[j] as bigint) * pivot - (ri[k] as bigint) * (rk[j] as bigint)) / prev;
    }
    prev = pivot;
  }
  return sign * ((m[n - 1]?.[n - 1] as bigint | undefined) ?? 1n);
}

/** Size of the system for a difficulty: 2 unknowns at 1–2, up to 6 at 9–10. */
export function linearSize(difficulty: number): number {
  return 2 + Math.floor((clampDifficulty(difficulty) - 1) / 2);
}

function formatEquation(row: readonly number[], rhs: number): string {
  const terms: string[] = [];
  row.forEach((c, j) => {
    if (c === 0) return;
    const mag = Math.abs(c) === 1 ? '' : `${Math.abs(c)}*`;
    const sign = c < 0 ? '-' : '+';
    terms.push(terms.length === 0 ? `${c < 0 ? '-' : ''}${mag}x${j + 1}` : `${sign} ${mag}x${j + 1}`);
  });
  return `${terms.join(' ')} = ${rhs}`;
}

const INTEGER = /^-?(0|[1-9][0-9]{0,39})$/;

/** Environment (b1): solve an integer linear system exactly. */
export const linearSystem: Environment<LinearPromptData, LinearCheckerData> = {
  name: 'linear-system',
  description: 'Solve a non-singular integer linear system with a planted integer solution.',
  generate(seed: Seed, difficulty: number): Instance<LinearPromptData, LinearCheckerData> {
    const d = clampDifficulty(difficulty);
    const rng = Prng.from('taonet/reasoning/linear-system', seed, d);
    const n = linearSize(d);
    const coef = 2 + d;
    const range = 5 + 3 * d;
    const solution = Array.from({ length: n }, () => rng.int(-range, range));
    let a: number[][];
    // Redraw until non-singular (almost always the first draw), so the answer is unique.
    do {
      a = Array.from({ length: n }, () => Array.from({ length: n }, () => rng.int(-coef, coef)));
    } while (determinant(a) === 0n);
    const b = a.map((row) => row.reduce((s, c, j) => s + c * (solution[j] ?? 0), 0));
    const id = instanceId('linear-system', seed, d);
    const names = Array.from({ length: n }, (_, j) => `x${j + 1}`).join(', ');
    const text = [
      `Find the integers ${names} satisfying all of:`,
      ...a.map((row, i) => `  ${formatEquation(row, b[i] ?? 0)}`),
      `Answer with the values of ${names} in order, separated by spaces.`,
    ].join('\n');
    return {
      id,
      env: 'linear-system',
      difficulty: d,
      prompt: { id, env: 'linear-system', difficulty: d, text, data: { kind: 'linear-system', a, b } },
      checkerData: { solution },
    };
  },
  check(instance, answer) {
    if (answer.length > MAX_ANSWER_LENGTH) return false;
    const { a, b } = instance.prompt.data;
    const tokens = answerTokens(answer);
    if (tokens.length !== b.length || !tokens.every((t) => INTEGER.test(t))) return false;
    const x = tokens.map((t) => BigInt(t));
    return a.every((row, i) => row.reduce((s, c, j) => s + BigInt(c) * (x[j] ?? 0n), 0n) === BigInt(b[i] ?? 0));
  },
  normalize(answer) {
    return answerTokens(answer).join(' ');
  },
};
