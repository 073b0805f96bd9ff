/**
 * The honest miner: a real solver for every environment that reads only the prompt. It never
 * sees `checkerData` or a generator's random stream, so its answers are earned: it runs the
 * program with its own metered interpreter, eliminates the linear system exactly, searches for
 * a satisfying assignment (DPLL) and runs Dijkstra.
 *
 * Work is metered in deterministic units rather than milliseconds so simulations replay exactly;
 * a miner's "time budget" is a number of units per instance, and an instance that needs more is
 * abstained on (answer ''), which is how an honest but weaker miner fails hard instances.
 */
import type { EnvName } from './environment.js';
import { runProgram } from './envs/interpreter.js';
import type { LinearPromptData } from './envs/linear-system.js';
import type { SatPromptData } from './envs/sat.js';
import type { PathPromptData } from './envs/shortest-path.js';
import type { MinerPolicy, ReasoningPrompt } from './miner.js';

/** Work units a solver may spend on one instance, per environment. */
export type SolverBudget = Readonly<Record<EnvName, number>>;

/** A budget large enough for every instance the generators produce at any difficulty. */
export const UNLIMITED_BUDGET: SolverBudget = {
  'program-output': 1_000_000,
  'linear-system': 1_000_000,
  sat: 50_000_000,
  'shortest-path': 1_000_000,
};

/** Outcome of one solve: the answer, or why there is none, and the work spent either way. */
export type SolveResult =
  | { readonly ok: true; readonly answer: string; readonly work: number }
  | { readonly ok: false; readonly reason: 'budget' | 'no-solution'; readonly work: number };

class OutOfBudget extends Error {}

/** Counts work units and aborts the solve when the budget is spent. */
class Meter {
  work = 0;
  constructor(private readonly budget: number) {}
  spend(units: number): void {
    this.work += units;
    if (this.work > this.budget) throw new OutOfBudget();
  }
}

/**
 * Exact solution of A·x = b by fraction-free Gauss–Jordan elimination (Bareiss): every
 * intermediate is an integer minor, so bigints stay exact and small. Returns undefined when the
 * system is singular or the solution is not integral.
 */
function solveLinear(data: LinearPromptData, meter: Meter): bigint[] | undefined {
  const n = data.b.length;
  const m = data.a.map((row, i) => [...row.map((v) => BigInt(v)), BigInt(data.b[i] ?? 0)]);
  let prev = 1n;
  for (let k = 0; k < n; k++) {
    let p = k;
    while (p < n && m[p]?.[k] === 0n) p++;
    if (p === n) return undefined;
    [m[k], m[p]] = [m[p] as bigint[], m[k] as bigint[]];
    const rk = m[k] as bigint[];
    const pivot = rk[k] as bigint;
    for (let i = 0; i < n; i++) {
      if (i === k) continue;
      const ri = m[i] as bigint[];
      const f = ri[k] as bigint;
      meter.spend(n + 1);
      for (let j = 0; j <= n; j++) if (j !== k) ri[j] = ((ri[j] as bigint) * pivot - f * (rk[j] as bigint)) / prev;
      ri[k] = 0n;
    }
    // Rows above k were scaled by pivot/prev as well; keep them consistent with the diagonal.
    prev = pivot;
  }
  // Now every diagonal entry is det(A) and the last column holds det(A)·x.
  const x: bigint[] = [];
  for (let i = 0; i < n; i++) {
    const row = m[i] as bigint[];
    const diag = row[i] as bigint;
    const rhs = row[n] as bigint;
    if (diag === 0n || rhs % diag !== 0n) return undefined;
    x.push(rhs / diag);
  }
  return x;
}

/** DPLL with unit propagation; branches on a literal of a shortest unsatisfied clause. */
function solveSat(data: SatPromptData, meter: Meter): string | undefined {
  const n = data.variables;
  const clauses = data.clauses;
  const value = new Int8Array(n + 1); // 0 unassigned, 1 true, -1 false
  const trail: number[] = [];
  const litValue = (lit: number) => (lit > 0 ? value[lit] : -(value[-lit] ?? 0)) ?? 0;
  const assign = (lit: number) => {
    value[Math.abs(lit)] = lit > 0 ? 1 : -1;
    trail.push(Math.abs(lit));
  };
  const undo = (mark: number) => {
    while (trail.length > mark) value[trail.pop() ?? 0] = 0;
  };
  // Propagates units to a fixpoint; returns false on a conflict, else the branching literal (0 if all satisfied).
  const propagate = (): number | false => {
    for (;;) {
      meter.spend(clauses.length);
      let changed = false;
      let branch = 0;
      let branchSize = Number.POSITIVE_INFINITY;
      for (const clause of clauses) {
        let open = 0;
        let last = 0;
        let satisfied = false;
        for (const lit of clause) {
          const v = litValue(lit);
          if (v === 1) {
            satisfied = true;
            break;
          }
          if (v === 0) {
            open++;
            last = lit;
          }
        }
        if (satisfied) continue;
        if (open === 0) return false;
        if (open === 1) {
          assign(last);
          changed = true;
        } else if (open < branchSize) {
          branchSize = open;
          branch = last;
        }
      }
      if (!changed) return branch;
    }
  };
  const search = (): boolean => {
    const mark = trail.length;
    const branch = propagate();
    if (branch === false) {
      undo(mark);
      return false;
    }
    if (branch === 0) return true;
    for (const lit of [branch, -branch]) {
      const inner = trail.length;
      assign(lit);
      if (search()) return true;
      undo(inner);
    }
    undo(mark);
    return false;
  };
  if (!search()) return undefined;
  let bits = '';
  // Variables no clause constrains any more may take either value; 0 is as good as 1.
  for (let v = 1; v <= n; v++) bits += value[v] === 1 ? '1' : '0';
  return bits;
}

/** Dijkstra with predecessors (linear-scan queue); returns the node list of a shortest path. */
function solvePath(data: PathPromptData, meter: Meter): number[] | undefined {
  const { nodes, source, target } = data;
  const adj: [number, number][][] = Array.from({ length: nodes }, () => []);
  for (const [u, v, w] of data.edges) adj[u]?.push([v, w]);
  const dist = new Array<number>(nodes).fill(Number.POSITIVE_INFINITY);
  const prev = new Array<number>(nodes).fill(-1);
  const done = new Array<boolean>(nodes).fill(false);
  dist[source] = 0;
  for (;;) {
    meter.spend(nodes);
    let u = -1;
    let best = Number.POSITIVE_INFINITY;
    for (let i = 0; i < nodes; i++) {
      const di = dist[i] ?? Number.POSITIVE_INFINITY;
      if (!done[i] && di < best) {
        best = di;
        u = i;
      }
    }
    if (u < 0 || u === target) break;
    done[u] = true;
    for (const [v, w] of adj[u] ?? []) {
      meter.spend(1);
      if (best + w < (dist[v] ?? Number.POSITIVE_INFINITY)) {
        dist[v] = best + w;
        prev[v] = u;
      }
    }
  }
  if (dist[target] === Number.POSITIVE_INFINITY) return undefined;
  const path = [target];
  while (path[path.length - 1] !== source) path.push(prev[path[path.length - 1] ?? source] ?? source);
  return path.reverse();
}

/** Solves one prompt within `budget` work units, looking at nothing but the prompt. */
export function solve(prompt: ReasoningPrompt, budget: number): SolveResult {
  const meter = new Meter(budget);
  try {
    const data = prompt.data;
    switch (data.kind) {
      case 'program-output': {
        const run = runProgram(data.program, budget);
        return run.ok
          ? { ok: true, answer: run.output.join(' '), work: run.steps }
          : { ok: false, reason: 'budget', work: run.steps };
      }
      case 'linear-system': {
        const x = solveLinear(data, meter);
        return x === undefined
          ? { ok: false, reason: 'no-solution', work: meter.work }
          : { ok: true, answer: x.join(' '), work: meter.work };
      }
      case 'sat': {
        const bits = solveSat(data, meter);
        return bits === undefined
          ? { ok: false, reason: 'no-solution', work: meter.work }
          : { ok: true, answer: bits, work: meter.work };
      }
      case 'shortest-path': {
        const path = solvePath(data, meter);
        return path === undefined
          ? { ok: false, reason: 'no-solution', work: meter.work }
          : { ok: true, answer: path.join(' '), work: meter.work };
      }
    }
  } catch (e) {
    if (e instanceof OutOfBudget) return { ok: false, reason: 'budget', work: meter.work };
    throw e;
  }
}

/** An honest miner with the given per-environment budgets: it solves, or abstains with ''. */
export function honestMiner(budget: SolverBudget = UNLIMITED_BUDGET): MinerPolicy {
  return {
    kind: 'honest',
    answer(prompts) {
      return prompts.map((p) => {
        const r = solve(p, budget[p.env]);
        return r.ok ? r.answer : '';
      });
    },
  };
}

/**
 * Hook for an external model (an LLM behind an HTTP endpoint, say): given the prompt, resolve
 * to the answer text. The mechanism never calls one itself; see {@link answerWithModel}.
 */
export type ModelEndpoint = (prompt: ReasoningPrompt) => Promise<string>;

/**
 * Asks `endpoint` and falls back to the local solver if it rejects, so a miner wired to a model
 * that is down still answers. Nothing in the subnet requires a model to exist.
 */
export async function answerWithModel(
  endpoint: ModelEndpoint,
  prompt: ReasoningPrompt,
  fallbackBudget: number,
): Promise<string> {
  try {
    return await endpoint(prompt);
  } catch {
    const r = solve(prompt, fallbackBudget);
    return r.ok ? r.answer : '';
  }
}
