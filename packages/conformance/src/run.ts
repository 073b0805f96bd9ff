/** Loads vector files and runs every case through the registry, collecting results. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Json } from './codec.js';
import { compare, type Mismatch } from './compare.js';
import { handlerFor } from './registry.js';

export interface CaseResult {
  readonly file: string;
  readonly name: string;
  readonly fn: string;
  readonly ok: boolean;
  /** Why it failed: mismatches, or a single message (unknown fn, thrown error, bad file). */
  readonly mismatches: readonly Mismatch[];
  readonly error?: string;
}

/** Expands files and directories (recursively) into the sorted list of `.json` files. */
export function collectFiles(paths: readonly string[]): string[] {
  const out: string[] = [];
  const visit = (p: string): void => {
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const e of readdirSync(p).sort()) visit(join(p, e));
    } else if (p.endsWith('.json')) {
      out.push(p);
    }
  };
  for (const p of paths) visit(resolve(p));
  return out;
}

function isObject(x: unknown): x is Record<string, Json> {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}

export function runCase(file: string, c: Record<string, Json>): CaseResult {
  const name = typeof c.name === 'string' ? c.name : '(unnamed)';
  const fn = typeof c.fn === 'string' ? c.fn : '';
  const base = { file, name, fn };
  const handler = handlerFor(fn);
  if (handler === undefined) return { ...base, ok: false, mismatches: [], error: `unknown fn '${fn}'` };
  const input = isObject(c.input) ? c.input : {};
  const expected = c.expected ?? null;
  const tolerance = isObject(c.tolerance) ? (c.tolerance as Record<string, number>) : {};
  try {
    const actual = handler(input, expected);
    const mismatches = compare(expected, actual, tolerance);
    return { ...base, ok: mismatches.length === 0, mismatches };
  } catch (e) {
    const msg = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    // A case that expects a named error passes when that error is raised.
    if (
      isObject(expected) &&
      typeof expected.error === 'string' &&
      e instanceof Error &&
      'code' in e &&
      e.code === expected.error
    ) {
      return { ...base, ok: true, mismatches: [] };
    }
    return { ...base, ok: false, mismatches: [], error: msg };
  }
}

export function runFile(file: string): CaseResult[] {
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    return [
      {
        file,
        name: '(file)',
        fn: '',
        ok: false,
        mismatches: [],
        error: `cannot read vector file: ${(e as Error).message}`,
      },
    ];
  }
  if (!isObject(doc) || !Array.isArray(doc.cases)) {
    return [{ file, name: '(file)', fn: '', ok: false, mismatches: [], error: 'not a vector file: no "cases" list' }];
  }
  return doc.cases.map((c, k) =>
    isObject(c)
      ? runCase(file, c)
      : { file, name: `#${k}`, fn: '', ok: false, mismatches: [], error: 'case is not an object' },
  );
}
