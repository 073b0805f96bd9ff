/**
 * Every shared yuma vector must pass bit-exact through the same code path as
 * `npm run conformance`. The vectors live in ../shared/vectors beside the repository (override
 * with TAONET_VECTORS); a missing folder fails the suite rather than skipping it.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectFiles, runFile } from '../src/run.js';

const root = resolve(import.meta.dirname, '../../..');
export const VECTORS = process.env.TAONET_VECTORS ?? join(root, '..', 'shared', 'vectors');

describe('shared yuma vectors', () => {
  it('the vector folder is present', () => {
    expect(existsSync(VECTORS), `vectors not found at ${VECTORS}`).toBe(true);
  });

  const files = existsSync(VECTORS) ? collectFiles([VECTORS]).filter((f) => /\/yuma[^/]*\.json$/.test(f)) : [];

  it('finds all five yuma files', () => {
    expect(files.map((f) => f.split('/').pop()).sort()).toEqual([
      'yuma-epoch-512.json',
      'yuma-epoch-logs.json',
      'yuma-epoch.json',
      'yuma-math.json',
      'yuma3-epoch.json',
    ]);
  });

  for (const file of files) {
    it(`${file.split('/').pop()} passes bit-exact`, () => {
      const results = runFile(file);
      const failures = results.filter((r) => !r.ok).map((r) => `${r.name}: ${r.error ?? JSON.stringify(r.mismatches.slice(0, 2))}`);
      expect(failures).toEqual([]);
      expect(results.length).toBeGreaterThan(0);
    });
  }
});
