import { describe, expect, it } from 'vitest';
import {
  binop,
  type Expr,
  formatProgram,
  MAX_OUTPUT,
  type Program,
  runProgram,
  type Stmt,
} from '../src/mechanism/index.js';

const num = (value: number): Expr => ({ k: 'num', value });
const v = (name: string): Expr => ({ k: 'var', name });
const bin = (op: '+' | '-' | '*' | '/' | '%' | '<' | '>' | '==' | '!=', left: Expr, right: Expr): Expr => ({
  k: 'bin',
  op,
  left,
  right,
});
const set = (name: string, value: Expr): Stmt => ({ k: 'assign', name, value });
const print = (value: Expr): Stmt => ({ k: 'print', value });
const run = (body: Stmt[], fuel = 100_000) => runProgram({ body }, fuel);

describe('toy language interpreter', () => {
  it('does arithmetic modulo 2^31 and defines division by zero', () => {
    expect(binop('+', 0x7fffffff, 1)).toBe(0);
    expect(binop('-', 3, 5)).toBe(2 ** 31 - 2);
    expect(binop('*', 0x10000, 0x10000)).toBe(0); // 2^32 ≡ 0
    expect(binop('*', 46341, 46341)).toBe((46341 * 46341) % 2 ** 31);
    expect(binop('/', 7, 0)).toBe(0);
    expect(binop('%', 7, 0)).toBe(0);
    expect(binop('/', 7, 2)).toBe(3);
    expect(binop('<', 1, 2)).toBe(1);
    expect(binop('==', 1, 2)).toBe(0);
  });

  it('runs a counted loop exactly its bound and stops an always-true loop at its bound', () => {
    const counted = run([
      set('i', num(0)),
      set('s', num(0)),
      {
        k: 'while',
        cond: bin('<', v('i'), num(10)),
        bound: 10,
        body: [set('s', bin('+', v('s'), v('i'))), set('i', bin('+', v('i'), num(1)))],
      },
      print(v('s')),
    ]);
    expect(counted).toMatchObject({ ok: true, output: [45] });
    const forever = run([
      { k: 'while', cond: num(1), bound: 7, body: [set('n', bin('+', v('n'), num(1)))] },
      print(v('n')),
    ]);
    expect(forever).toMatchObject({ ok: true, output: [7] });
  });

  it('nested loops multiply and a loop whose condition fails never runs', () => {
    const inner: Stmt = { k: 'while', cond: num(1), bound: 4, body: [set('n', bin('+', v('n'), num(1)))] };
    expect(run([{ k: 'while', cond: num(1), bound: 5, body: [inner] }, print(v('n'))])).toMatchObject({ output: [20] });
    expect(run([{ k: 'while', cond: num(0), bound: 5, body: [print(num(1))] }, print(num(2))])).toMatchObject({
      output: [2],
    });
  });

  it('stops with no output when fuel runs out', () => {
    const r = run([{ k: 'while', cond: num(1), bound: 1_000_000, body: [print(num(1))] }], 500);
    expect(r).toMatchObject({ ok: false, reason: 'fuel' });
  });

  it('lists: index modulo length, empty reads 0, writes to an empty list are ignored', () => {
    const r = run([
      { k: 'list', name: 'p', items: [num(10), num(20), num(30)] },
      print({ k: 'at', list: 'p', index: num(4) }),
      { k: 'store', list: 'p', index: num(5), value: num(99) },
      print({ k: 'at', list: 'p', index: num(2) }),
      { k: 'push', list: 'p', value: num(7) },
      print({ k: 'len', list: 'p' }),
      print({ k: 'at', list: 'q', index: num(3) }),
      { k: 'store', list: 'q', index: num(0), value: num(1) },
      print({ k: 'len', list: 'q' }),
    ]);
    expect(r).toMatchObject({ ok: true, output: [20, 99, 4, 0, 0] });
  });

  it('caps the output', () => {
    const r = run([{ k: 'while', cond: num(1), bound: 100, body: [print(num(3))] }]);
    expect(r.ok && r.output.length).toBe(MAX_OUTPUT);
  });

  it('prints readable source with explicit parentheses', () => {
    const program: Program = {
      body: [
        set('a', bin('*', bin('+', v('a'), num(1)), num(3))),
        { k: 'if', cond: bin('>', v('a'), num(2)), yes: [print(v('a'))], no: [print(num(0))] },
        { k: 'while', cond: bin('<', v('i'), num(3)), bound: 3, body: [set('i', bin('+', v('i'), num(1)))] },
      ],
    };
    expect(formatProgram(program)).toBe(
      [
        'a = (a + 1) * 3;',
        'if (a > 2) {',
        '  print(a);',
        '} else {',
        '  print(0);',
        '}',
        'while (i < 3) bound 3 {',
        '  i = i + 1;',
        '}',
      ].join('\n'),
    );
  });
});
