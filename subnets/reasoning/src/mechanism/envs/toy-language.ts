/**
 * The tiny language of the program-output environment: its syntax tree, its fixed limits and
 * its printer. Semantics live in `interpreter.ts`. The language is total by construction (every
 * loop carries a static iteration bound, division by zero is defined), so running an untrusted
 * or generated program can neither hang nor throw.
 */

/** Integers are taken modulo 2^31: every value lies in [0, 2^31 − 1]. */
export const INT_MASK = 0x7fff_ffff;
/** Lists stop growing at this length (further pushes are ignored), which bounds memory. */
export const MAX_LIST_LENGTH = 256;
/** Only the first this-many printed values are output; later prints are ignored. */
export const MAX_OUTPUT = 32;

/** Binary operators. Comparisons yield 1 or 0. */
export type BinOp = '+' | '-' | '*' | '/' | '%' | '<' | '>' | '==' | '!=';

/** Expressions: literals, integer variables, operators, list reads and list lengths. */
export type Expr =
  | { readonly k: 'num'; readonly value: number }
  | { readonly k: 'var'; readonly name: string }
  | { readonly k: 'bin'; readonly op: BinOp; readonly left: Expr; readonly right: Expr }
  | { readonly k: 'at'; readonly list: string; readonly index: Expr }
  | { readonly k: 'len'; readonly list: string };

/**
 * Statements. `if` runs `yes` or `no` (the names `then`/`else` would make the node a thenable);
 * `while` stops after `bound` iterations even if its condition still holds.
 */
export type Stmt =
  | { readonly k: 'assign'; readonly name: string; readonly value: Expr }
  | { readonly k: 'list'; readonly name: string; readonly items: readonly Expr[] }
  | { readonly k: 'push'; readonly list: string; readonly value: Expr }
  | { readonly k: 'store'; readonly list: string; readonly index: Expr; readonly value: Expr }
  | { readonly k: 'print'; readonly value: Expr }
  | { readonly k: 'if'; readonly cond: Expr; readonly yes: readonly Stmt[]; readonly no: readonly Stmt[] }
  | { readonly k: 'while'; readonly cond: Expr; readonly bound: number; readonly body: readonly Stmt[] };

/** A whole program: a statement list run top to bottom. */
export interface Program {
  readonly body: readonly Stmt[];
}

/** The language's rules, stated in every prompt so a reader (or a model) can run the program. */
export const LANGUAGE_RULES = [
  'Language rules:',
  '- Integer values are taken modulo 2^31 (always in 0 .. 2147483647); + - * wrap around.',
  '- a / b is integer division rounding down, a % b the remainder; both are 0 when b is 0.',
  '- < > == != yield 1 (true) or 0 (false); a condition holds when its value is not 0.',
  '- Unset integer variables are 0; unset lists are empty.',
  `- p[i] reads element i mod len(p) (0 if p is empty); p[i] = v writes there (ignored if empty).`,
  `- push(p, v) appends v unless p already holds ${MAX_LIST_LENGTH} elements.`,
  '- while (c) bound N { ... } runs the body while c holds, but at most N times.',
  `- Only the first ${MAX_OUTPUT} printed values count.`,
].join('\n');

function formatExpr(e: Expr, nested: boolean): string {
  switch (e.k) {
    case 'num':
      return String(e.value);
    case 'var':
      return e.name;
    case 'len':
      return `len(${e.list})`;
    case 'at':
      return `${e.list}[${formatExpr(e.index, false)}]`;
    case 'bin': {
      // Parenthesise every nested operator so the reader needs no precedence table.
      const s = `${formatExpr(e.left, true)} ${e.op} ${formatExpr(e.right, true)}`;
      return nested ? `(${s})` : s;
    }
  }
}

function formatBlock(body: readonly Stmt[], indent: string, out: string[]): void {
  for (const s of body) formatStmt(s, indent, out);
}

function formatStmt(s: Stmt, indent: string, out: string[]): void {
  const inner = `${indent}  `;
  switch (s.k) {
    case 'assign':
      out.push(`${indent}${s.name} = ${formatExpr(s.value, false)};`);
      return;
    case 'list':
      out.push(`${indent}${s.name} = [${s.items.map((e) => formatExpr(e, false)).join(', ')}];`);
      return;
    case 'push':
      out.push(`${indent}push(${s.list}, ${formatExpr(s.value, false)});`);
      return;
    case 'store':
      out.push(`${indent}${s.list}[${formatExpr(s.index, false)}] = ${formatExpr(s.value, false)};`);
      return;
    case 'print':
      out.push(`${indent}print(${formatExpr(s.value, false)});`);
      return;
    case 'if':
      out.push(`${indent}if (${formatExpr(s.cond, false)}) {`);
      formatBlock(s.yes, inner, out);
      if (s.no.length > 0) {
        out.push(`${indent}} else {`);
        formatBlock(s.no, inner, out);
      }
      out.push(`${indent}}`);
      return;
    case 'while':
      out.push(`${indent}while (${formatExpr(s.cond, false)}) bound ${s.bound} {`);
      formatBlock(s.body, inner, out);
      out.push(`${indent}}`);
      return;
  }
}

/** Source text of a program, one statement per line, two-space indentation. */
export function formatProgram(program: Program): string {
  const out: string[] = [];
  formatBlock(program.body, '', out);
  return out.join('\n');
}
