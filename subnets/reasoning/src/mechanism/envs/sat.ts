/**
 * Environment (b2): 3-SAT with a planted solution. Clauses are drawn at random and kept only if
 * the hidden assignment satisfies them, so every instance is satisfiable; near the 4.2
 * clauses-per-variable threshold it is still hard to find *a* satisfying assignment. The checker
 * accepts any assignment that satisfies every clause, not just the planted one.
 */
import { clampDifficulty, type Environment, type Instance, instanceId, MAX_ANSWER_LENGTH } from '../environment.js';
import { Prng, type Seed } from '../prng.js';

/** A CNF formula: clauses of DIMACS literals (v or −v, variables numbered from 1). */
export interface SatPromptData {
  readonly kind: 'sat';
  readonly variables: number;
  readonly clauses: readonly (readonly number[])[];
}

/** The planted assignment (bit i is variable i + 1). */
export interface SatCheckerData {
  readonly planted: string;
}

/** Number of variables for a difficulty: 8 at 1, up to 35 at 10. */
export function satVariables(difficulty: number): number {
  return 5 + 3 * clampDifficulty(difficulty);
}

/** True when the bit string (bit i = variable i + 1) satisfies every clause. */
export function satisfies(clauses: readonly (readonly number[])[], bits: string): boolean {
  return clauses.every((clause) => clause.some((lit) => (bits[Math.abs(lit) - 1] === '1') === lit > 0));
}

/** Environment (b2): find a satisfying assignment of a planted random 3-SAT formula. */
export const sat: Environment<SatPromptData, SatCheckerData> = {
  name: 'sat',
  description: 'Find a satisfying assignment of a random planted 3-SAT formula near the hardness threshold.',
  generate(seed: Seed, difficulty: number): Instance<SatPromptData, SatCheckerData> {
    const d = clampDifficulty(difficulty);
    const rng = Prng.from('taonet/reasoning/sat', seed, d);
    const n = satVariables(d);
    const m = Math.floor((n * 21) / 5); // 4.2 clauses per variable
    let planted = '';
    for (let v = 0; v < n; v++) planted += rng.chance(1, 2) ? '1' : '0';
    const clauses: number[][] = [];
    while (clauses.length < m) {
      const vars = rng.shuffle(Array.from({ length: n }, (_, i) => i + 1)).slice(0, 3);
      const clause = vars.map((v) => (rng.chance(1, 2) ? v : -v));
      // Keep only clauses the planted assignment satisfies (each is rejected with chance 1/8).
      if (satisfies([clause], planted)) clauses.push(clause);
    }
    const id = instanceId('sat', seed, d);
    const text = [
      'Find an assignment satisfying every clause of this CNF formula (DIMACS: each line is a clause,',
      'a literal v means variable v is true, -v means it is false, 0 ends the clause).',
      `Answer with ${n} characters 0 or 1, the i-th being the value of variable i.`,
      `p cnf ${n} ${m}`,
      ...clauses.map((c) => `${c.join(' ')} 0`),
    ].join('\n');
    return {
      id,
      env: 'sat',
      difficulty: d,
      prompt: { id, env: 'sat', difficulty: d, text, data: { kind: 'sat', variables: n, clauses } },
      checkerData: { planted },
    };
  },
  check(instance, answer) {
    if (answer.length > MAX_ANSWER_LENGTH) return false;
    const bits = answer.replace(/\s+/g, '');
    const { variables, clauses } = instance.prompt.data;
    if (bits.length !== variables || !/^[01]*$/.test(bits)) return false;
    return satisfies(clauses, bits);
  },
  normalize(answer) {
    return answer.replace(/\s+/g, '');
  },
};
