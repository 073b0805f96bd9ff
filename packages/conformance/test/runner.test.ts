/** The conformance CLI contract: last line `N passed, M failed`, exit 0 only when nothing failed. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compare } from '../src/compare.js';

const root = resolve(import.meta.dirname, '../../..');

function runCli(...paths: string[]): { code: number | null; lines: string[] } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'packages/conformance/src/cli.ts'), ...paths], {
    cwd: root,
    encoding: 'utf8',
  });
  return { code: r.status, lines: r.stdout.trim().split('\n') };
}

function vectorFile(cases: unknown[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'taonet-vec-'));
  const file = join(dir, 'case.json');
  writeFileSync(file, JSON.stringify({ suite: 't', cases }));
  return file;
}

const exp1 = {
  name: 'exp(1)',
  fn: 'exp_safe',
  input: { x: { type: 'I32F32', raw: '4294967296' } },
  expected: { result: { type: 'I32F32', raw: '11674931200' } },
};

describe('conformance CLI', () => {
  it('passes a correct case from a path outside the repository', () => {
    const r = runCli(vectorFile([exp1]));
    expect(r.lines.at(-1)).toBe('1 passed, 0 failed');
    expect(r.code).toBe(0);
  });

  it('prints expected against actual for a wrong case and exits non-zero', () => {
    const wrong = { ...exp1, name: 'wrong', expected: { result: { type: 'I32F32', raw: '11674931201' } } };
    const r = runCli(vectorFile([exp1, wrong]));
    expect(r.lines.at(-1)).toBe('1 passed, 1 failed');
    expect(r.lines.join('\n')).toContain('expected "11674931201"');
    expect(r.lines.join('\n')).toContain('actual   "11674931200"');
    expect(r.code).toBe(1);
  });

  it('counts an unknown fn as a failure', () => {
    const r = runCli(vectorFile([{ name: 'x', fn: 'no_such_fn', input: {}, expected: {} }]));
    expect(r.lines.join('\n')).toContain("unknown fn 'no_such_fn'");
    expect(r.lines.at(-1)).toBe('0 passed, 1 failed');
    expect(r.code).toBe(1);
  });

  it('reports a file that is not a vector file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'taonet-vec-'));
    writeFileSync(join(dir, 'x.json'), '{"hello": 1}');
    const r = runCli(dir);
    expect(r.lines.at(-1)).toBe('0 passed, 1 failed');
  });
});

describe('compare', () => {
  it('applies a tolerance in real units to fixed-point values under the named key', () => {
    const e = { d: { type: 'I32F32', raw: ['4294967296'] }, x: 1 };
    expect(compare(e, { d: { type: 'I32F32', raw: ['4290672329'] }, x: 1 }, { d: 0.001 })).toEqual([]);
    expect(compare(e, { d: { type: 'I32F32', raw: ['4290000000'] }, x: 1 }, { d: 0.001 })).toHaveLength(1);
    expect(compare(e, { d: { type: 'I32F32', raw: ['4294967296'] }, x: 2 }, { d: 0.001 })).toHaveLength(1);
  });

  it('ignores output keys the expectation does not name, but not missing ones', () => {
    expect(compare({ a: 1 }, { a: 1, b: 2 })).toEqual([]);
    expect(compare({ a: 1, b: 2 }, { a: 1 })).toHaveLength(1);
  });

  it('compares sparse rows entry by entry, column and order included', () => {
    const e = {
      m: {
        type: 'I32F32',
        sparse: [
          [
            [1, '5'],
            [2, '6'],
          ],
        ],
      },
    };
    expect(
      compare(e, {
        m: {
          type: 'I32F32',
          sparse: [
            [
              [1, '5'],
              [2, '6'],
            ],
          ],
        },
      }),
    ).toEqual([]);
    expect(
      compare(e, {
        m: {
          type: 'I32F32',
          sparse: [
            [
              [2, '6'],
              [1, '5'],
            ],
          ],
        },
      }),
    ).toHaveLength(2);
  });
});
