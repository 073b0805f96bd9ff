/**
 * Environment (a): program-output prediction. A small random program in the toy language is
 * generated from the seed; the miner must say what it prints. The checker compares against the
 * output of our own interpreter (never `eval`), computed once at generation time.
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
import { runProgram } from './interpreter.js';
import { type BinOp, type Expr, formatProgram, LANGUAGE_RULES, type Program, type Stmt } from './toy-language.js';

/** What the miner sees besides the text: the program's syntax tree. */
export interface ProgramPromptData {
  readonly kind: 'program-output';
  readonly program: Program;
}

/** What the validator keeps: the program's true output. */
export interface ProgramCheckerData {
  readonly output: readonly number[];
}

/**
 * Fuel the generator allows a program; programs needing more are regenerated. Generous, so hard
 * instances really are expensive to run, yet bounded, so generation itself stays cheap.
 */
export const GENERATOR_FUEL = 400_000;

const INT_VARS = ['a', 'b', 'c', 'd', 'e'] as const;
const LIST_VARS = ['p', 'q'] as const;
// Loop counters are only written by the loop scaffold, so counted loops really run N times.
const COUNTERS = ['i', 'j', 'k'] as const;

class ProgramGenerator {
  private readonly ints: string[];
  private readonly lists: string[];
  private readonly counters: string[] = [];
  private readonly maxLoopDepth: number;
  private readonly exprDepth: number;

  constructor(
    private readonly rng: Prng,
    private readonly d: number,
  ) {
    this.ints = INT_VARS.slice(0, Math.min(INT_VARS.length, 2 + Math.floor(d / 3)));
    this.lists = d >= 3 ? LIST_VARS.slice(0, d >= 7 ? 2 : 1) : [];
    this.maxLoopDepth = Math.min(COUNTERS.length, 1 + Math.floor(d / 4));
    this.exprDepth = 1 + Math.floor(d / 4);
  }

  private num(lo: number, hi: number): Expr {
    return { k: 'num', value: this.rng.int(lo, hi) };
  }

  private leaf(): Expr {
    const r = this.rng.int(0, 9);
    if (r < 3) return this.num(1, 9 + this.d);
    if (r < 8 || this.lists.length === 0) return { k: 'var', name: this.rng.pick([...this.ints, ...this.counters]) };
    const list = this.rng.pick(this.lists);
    return r === 8 ? { k: 'len', list } : { k: 'at', list, index: { k: 'var', name: this.rng.pick(this.ints) } };
  }

  private expr(depth: number): Expr {
    if (depth <= 0 || this.rng.chance(1, 3)) return this.leaf();
    // Mostly arithmetic: comparisons collapse values to 0/1, which would make outputs guessable.
    const op = this.rng.pick<BinOp>(['+', '+', '+', '-', '-', '*', '*', '*', '%', '/', '<', '==']);
    // Small constant divisors keep values readable and make / and % meaningful.
    const right = op === '%' || op === '/' ? this.num(2, 7 + 2 * this.d) : this.expr(depth - 1);
    return { k: 'bin', op, left: this.expr(depth - 1), right };
  }

  private cond(): Expr {
    const op = this.rng.pick<BinOp>(['<', '>', '==', '!=']);
    const right = this.rng.chance(1, 2) ? this.num(0, 20 + 5 * this.d) : this.expr(1);
    return { k: 'bin', op, left: this.expr(1), right };
  }

  private block(size: number, loopDepth: number): Stmt[] {
    const out: Stmt[] = [];
    for (let n = 0; n < size; n++) out.push(...this.stmt(loopDepth));
    return out;
  }

  private stmt(loopDepth: number): Stmt[] {
    const bodySize = () => this.rng.int(1, 2 + Math.floor(this.d / 3));
    const r = this.rng.int(0, 11);
    if (r < 4) return [{ k: 'assign', name: this.rng.pick(this.ints), value: this.expr(this.exprDepth) }];
    if (r < 6) {
      return [
        {
          k: 'if',
          cond: this.cond(),
          yes: this.block(bodySize(), loopDepth),
          no: this.rng.chance(1, 2) ? this.block(1, loopDepth) : [],
        },
      ];
    }
    if (r < 9 && loopDepth < this.maxLoopDepth) return this.loop(loopDepth, bodySize());
    if (r < 11 && this.lists.length > 0) {
      const list = this.rng.pick(this.lists);
      return r === 9
        ? [{ k: 'push', list, value: this.expr(this.exprDepth) }]
        : [{ k: 'store', list, index: this.expr(1), value: this.expr(this.exprDepth) }];
    }
    return [{ k: 'print', value: this.expr(this.exprDepth) }];
  }

  private loop(loopDepth: number, size: number): Stmt[] {
    const bound = this.rng.int(2, 3 + 2 * this.d);
    if (this.rng.chance(1, 4)) {
      // A data-dependent loop: halve a variable while it is large; the bound caps it either way.
      const v = this.rng.pick(this.ints);
      const halve: Stmt = {
        k: 'assign',
        name: v,
        value: { k: 'bin', op: '/', left: { k: 'var', name: v }, right: this.num(2, 3) },
      };
      const cond: Expr = { k: 'bin', op: '>', left: { k: 'var', name: v }, right: this.num(1, 50) };
      return [{ k: 'while', cond, bound, body: [...this.block(size, loopDepth + 1), halve] }];
    }
    const counter = COUNTERS[loopDepth] ?? 'i';
    const read: Expr = { k: 'var', name: counter };
    this.counters.push(counter);
    const body = this.block(size, loopDepth + 1);
    this.counters.pop();
    return [
      { k: 'assign', name: counter, value: { k: 'num', value: 0 } },
      {
        k: 'while',
        cond: { k: 'bin', op: '<', left: read, right: { k: 'num', value: bound } },
        bound,
        body: [
          ...body,
          { k: 'assign', name: counter, value: { k: 'bin', op: '+', left: read, right: { k: 'num', value: 1 } } },
        ],
      },
    ];
  }

  program(): Program {
    const body: Stmt[] = [];
    for (const name of this.ints) body.push({ k: 'assign', name, value: this.num(0, 9 + 10 * this.d) });
    for (const name of this.lists) {
      const items: Expr[] = [];
      for (let n = this.rng.int(2, 4); n > 0; n--) items.push(this.num(0, 30));
      body.push({ k: 'list', name, items });
    }
    body.push(...this.block(2 + Math.ceil(this.d / 2), 0));
    // Always end by printing state, so every program has an output that depends on all of it.
    for (const name of this.rng.shuffle(this.ints).slice(0, 2)) body.push({ k: 'print', value: { k: 'var', name } });
    if (this.lists.length > 0) {
      const list = this.rng.pick(this.lists);
      body.push({ k: 'print', value: { k: 'at', list, index: this.expr(1) } });
    }
    return { body };
  }
}

/** A random program for this seed and difficulty that halts within {@link GENERATOR_FUEL}. */
export function generateProgram(seed: Seed, difficulty: number): { program: Program; output: readonly number[] } {
  const d = clampDifficulty(difficulty);
  const rng = Prng.from('taonet/reasoning/program-output', seed, d);
  // Retrying with the same stream keeps this a pure function of (seed, difficulty).
  for (;;) {
    const program = new ProgramGenerator(rng, d).program();
    const run = runProgram(program, GENERATOR_FUEL);
    if (run.ok) return { program, output: run.output };
  }
}

const PROMPT_HEAD = 'Run this program and give every value it prints, in order, separated by spaces.';

/** Canonical answer: decimal tokens joined by single spaces. */
function normalize(answer: string): string {
  return answerTokens(answer).join(' ');
}

/** Environment (a): predict a generated program's printed output. */
export const programOutput: Environment<ProgramPromptData, ProgramCheckerData> = {
  name: 'program-output',
  description:
    'Predict what a random program in a tiny total language prints (arithmetic mod 2^31, lists, bounded loops).',
  generate(seed: Seed, difficulty: number): Instance<ProgramPromptData, ProgramCheckerData> {
    const d = clampDifficulty(difficulty);
    const { program, output } = generateProgram(seed, d);
    const id = instanceId('program-output', seed, d);
    const text = `${PROMPT_HEAD}\n${LANGUAGE_RULES}\n\n${formatProgram(program)}\n`;
    return {
      id,
      env: 'program-output',
      difficulty: d,
      prompt: { id, env: 'program-output', difficulty: d, text, data: { kind: 'program-output', program } },
      checkerData: { output },
    };
  },
  check(instance, answer) {
    if (answer.length > MAX_ANSWER_LENGTH) return false;
    const tokens = answerTokens(answer);
    const want = instance.checkerData.output;
    // Exact token match: canonical decimals only, so "007" or "+7" is not "7".
    return tokens.length === want.length && tokens.every((t, i) => t === String(want[i]));
  },
  normalize,
};
