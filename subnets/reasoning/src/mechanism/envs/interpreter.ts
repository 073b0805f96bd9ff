/**
 * The interpreter of the toy language (see `toy-language.ts`). It is the program-output
 * checker's ground truth and also the honest miner's solver, so it is metered: every executed
 * statement and every evaluated expression node costs one unit of fuel, and running out of fuel
 * stops the run with no output rather than a partial (wrong) one.
 */
import {
  type BinOp,
  type Expr,
  INT_MASK,
  MAX_LIST_LENGTH,
  MAX_OUTPUT,
  type Program,
  type Stmt,
} from './toy-language.js';

/** Outcome of a run: the printed values, or `fuel` when the budget ran out first. */
export type RunResult =
  | { readonly ok: true; readonly output: readonly number[]; readonly steps: number }
  | { readonly ok: false; readonly reason: 'fuel'; readonly steps: number };

class OutOfFuel extends Error {}

class Machine {
  readonly ints = new Map<string, number>();
  readonly lists = new Map<string, number[]>();
  readonly output: number[] = [];
  steps = 0;

  constructor(private readonly fuel: number) {}

  private tick(): void {
    if (++this.steps > this.fuel) throw new OutOfFuel();
  }

  private list(name: string): number[] {
    let l = this.lists.get(name);
    if (l === undefined) {
      l = [];
      this.lists.set(name, l);
    }
    return l;
  }

  evaluate(e: Expr): number {
    this.tick();
    switch (e.k) {
      case 'num':
        return e.value & INT_MASK;
      case 'var':
        return this.ints.get(e.name) ?? 0;
      case 'len':
        return this.list(e.list).length;
      case 'at': {
        const l = this.list(e.list);
        const i = this.evaluate(e.index);
        return l.length === 0 ? 0 : (l[i % l.length] ?? 0);
      }
      case 'bin':
        return binop(e.op, this.evaluate(e.left), this.evaluate(e.right));
    }
  }

  exec(body: readonly Stmt[]): void {
    for (const s of body) this.stmt(s);
  }

  private stmt(s: Stmt): void {
    this.tick();
    switch (s.k) {
      case 'assign':
        this.ints.set(s.name, this.evaluate(s.value));
        return;
      case 'list':
        this.lists.set(
          s.name,
          s.items.slice(0, MAX_LIST_LENGTH).map((e) => this.evaluate(e)),
        );
        return;
      case 'push': {
        const v = this.evaluate(s.value);
        const l = this.list(s.list);
        if (l.length < MAX_LIST_LENGTH) l.push(v);
        return;
      }
      case 'store': {
        const i = this.evaluate(s.index);
        const v = this.evaluate(s.value);
        const l = this.list(s.list);
        if (l.length > 0) l[i % l.length] = v;
        return;
      }
      case 'print': {
        const v = this.evaluate(s.value);
        if (this.output.length < MAX_OUTPUT) this.output.push(v);
        return;
      }
      case 'if':
        this.exec(this.evaluate(s.cond) !== 0 ? s.yes : s.no);
        return;
      case 'while':
        for (let n = 0; n < s.bound && this.evaluate(s.cond) !== 0; n++) this.exec(s.body);
        return;
    }
  }
}

/** One operator on values in [0, 2^31). Bit tricks keep + - * exact modulo 2^31 without floats. */
export function binop(op: BinOp, a: number, b: number): number {
  switch (op) {
    case '+':
      return (a + b) & INT_MASK;
    case '-':
      return (a - b) & INT_MASK;
    case '*':
      // Math.imul keeps the low 32 bits of the product; the mask keeps the low 31.
      return Math.imul(a, b) & INT_MASK;
    case '/':
      return b === 0 ? 0 : Math.trunc(a / b);
    case '%':
      return b === 0 ? 0 : a % b;
    case '<':
      return a < b ? 1 : 0;
    case '>':
      return a > b ? 1 : 0;
    case '==':
      return a === b ? 1 : 0;
    case '!=':
      return a !== b ? 1 : 0;
  }
}

/** Runs a program with a fuel budget; never throws for any well-typed program. */
export function runProgram(program: Program, fuel: number): RunResult {
  const m = new Machine(fuel);
  try {
    m.exec(program.body);
  } catch (e) {
    if (e instanceof OutOfFuel) return { ok: false, reason: 'fuel', steps: m.steps };
    throw e;
  }
  return { ok: true, output: m.output, steps: m.steps };
}
