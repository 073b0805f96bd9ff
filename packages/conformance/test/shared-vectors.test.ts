/**
 * Every shared yuma vector must pass bit-exact through the same code path as
 * `npm run conformance`. The vectors live in ../shared/vectors beside the repository when it is
 * there, else in the repository's copy under vectors/ (override with TAONET_VECTORS); a missing
 * folder fails the suite rather than skipping it, and the copy must equal the shared original.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Json } from '../src/codec.js';
import { prepareSdkCase } from '../src/handlers/sdk.js';
import { collectFiles, runCase, runFile } from '../src/run.js';

const root = resolve(import.meta.dirname, '../../..');
export const VECTORS =
  process.env.TAONET_VECTORS ??
  (existsSync(join(root, '..', 'shared', 'vectors')) ? join(root, '..', 'shared', 'vectors') : join(root, 'vectors'));

/** The child-hotkey section that joins ECONOMICS-SDK.md as §7 with the vectors-next files. */
const NEXT_SECTION = '## 7. economics-children.json';
/** Taonet's own vectors (not in ../shared): their sections of ECONOMICS-SDK.md (from §8 on), files, and tools. */
const OWN_SECTION = '## 8. economics-mechanisms.json';
const OWN_FILES = ['drand-tlock.json', 'economics-mechanisms.json', 'tools'];

describe('the repository copy of the vectors', () => {
  const shared = join(root, '..', 'shared', 'vectors');
  const next = join(root, '..', 'shared', 'vectors-next');
  const names = (dir: string) => readdirSync(dir).sort();
  const nextData = existsSync(next) ? names(next).filter((f) => f.endsWith('.json')) : [];

  it.runIf(existsSync(shared))('equals ../shared/vectors file for file, plus the landed vectors-next files', () => {
    expect(names(join(root, 'vectors'))).toEqual([...names(shared), ...nextData, ...OWN_FILES].sort());
    for (const f of names(shared)) {
      let want = readFileSync(join(shared, f), 'utf8');
      let have = readFileSync(join(root, 'vectors', f), 'utf8');
      if (f === 'ECONOMICS-SDK.md') {
        if (existsSync(next)) {
          const children = readFileSync(join(next, 'ECONOMICS-CHILDREN.md'), 'utf8');
          want = `${want.endsWith('\n') ? want : `${want}\n`}\n${children.slice(children.indexOf(NEXT_SECTION))}`;
        }
        // Taonet's own section follows the shared text.
        expect(have).toContain(OWN_SECTION);
        have = have.slice(0, have.indexOf(OWN_SECTION)).trimEnd();
        want = want.trimEnd();
      }
      expect(have, `vectors/${f} differs from the shared copy`).toBe(want);
    }
  });

  it.runIf(existsSync(next))('holds each ../shared/vectors-next data file unchanged', () => {
    expect(nextData.length).toBeGreaterThan(0);
    for (const f of nextData) {
      expect(readFileSync(join(root, 'vectors', f), 'utf8'), `vectors/${f} differs from vectors-next`).toBe(
        readFileSync(join(next, f), 'utf8'),
      );
    }
  });
});

describe('child hotkey vectors (vectors-next, landed)', () => {
  const next = join(root, '..', 'shared', 'vectors-next', 'economics-children.json');
  const file = existsSync(next) ? next : join(root, 'vectors', 'economics-children.json');
  it('economics-children.json passes bit-exact', () => {
    const results = runFile(file);
    const failures = results
      .filter((r) => !r.ok)
      .map((r) => `${r.name}: ${r.error ?? JSON.stringify(r.mismatches.slice(0, 2))}`);
    expect(failures).toEqual([]);
    expect(results.length).toBe(45);
  });
});

describe('mechanism vectors (Taonet’s own)', () => {
  const file = join(root, 'vectors', 'economics-mechanisms.json');
  it('economics-mechanisms.json passes bit-exact', () => {
    const results = runFile(file);
    const failures = results
      .filter((r) => !r.ok)
      .map((r) => `${r.name}: ${r.error ?? JSON.stringify(r.mismatches.slice(0, 2))}`);
    expect(failures).toEqual([]);
    expect(results.length).toBe(17);
  });

  const python = spawnSync('python3', ['--version']).status === 0;
  it.runIf(python)('agrees with the independent float model (vectors/tools/mechanisms_model.py)', () => {
    const r = spawnSync('python3', [join(root, 'vectors', 'tools', 'mechanisms_model.py'), file], { encoding: 'utf8' });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/17 agree, 0 differ/);
  });
});

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
      const failures = results
        .filter((r) => !r.ok)
        .map((r) => `${r.name}: ${r.error ?? JSON.stringify(r.mismatches.slice(0, 2))}`);
      expect(failures).toEqual([]);
      expect(results.length).toBeGreaterThan(0);
    });
  }
});

describe('shared economics vectors', () => {
  // economics-children.json (in the repository copy only) has its own suite above.
  const files = existsSync(VECTORS)
    ? collectFiles([VECTORS]).filter(
        (f) => /\/economics-[^/]*\.json$/.test(f) && !f.endsWith('/economics-children.json'),
      )
    : [];

  it('finds all seven economics files', () => {
    expect(files.map((f) => f.split('/').pop()).sort()).toEqual([
      'economics-coinbase.json',
      'economics-emission.json',
      'economics-lockcost.json',
      'economics-network.json',
      'economics-registration.json',
      'economics-staking.json',
      'economics-swap.json',
    ]);
  });

  for (const file of files) {
    it(`${file.split('/').pop()} passes`, () => {
      const results = runFile(file);
      const failures = results
        .filter((r) => !r.ok)
        .map((r) => `${r.name}: ${r.error ?? JSON.stringify(r.mismatches.slice(0, 2))}`);
      expect(failures).toEqual([]);
      expect(results.length).toBeGreaterThan(0);
    });
  }
});

describe('shared sdk vectors', () => {
  const files = existsSync(VECTORS) ? collectFiles([VECTORS]).filter((f) => /\/sdk-[^/]*\.json$/.test(f)) : [];

  it('finds all four sdk files', () => {
    expect(files.map((f) => f.split('/').pop()).sort()).toEqual([
      'sdk-axon.json',
      'sdk-keyfile.json',
      'sdk-keys.json',
      'sdk-weights.json',
    ]);
  });

  // One test per case, with the 512 MiB Argon2i keys (≈20 s each in pure JS) derived beforehand
  // without blocking: a long synchronous test starves vitest's worker RPC past its timeout.
  for (const file of files) {
    const name = file.split('/').pop();
    const cases = (JSON.parse(readFileSync(file, 'utf8')) as { cases?: Record<string, Json>[] }).cases ?? [];
    it(`${name} has cases`, () => {
      expect(cases.length).toBeGreaterThan(0);
    });
    for (const c of cases) {
      it(`${name} :: ${String(c.name)} passes`, { timeout: 180_000 }, async () => {
        const input = c.input !== null && typeof c.input === 'object' && !Array.isArray(c.input) ? c.input : {};
        await prepareSdkCase(String(c.fn), input);
        const r = runCase(file, c);
        expect(r.ok, r.error ?? JSON.stringify(r.mismatches.slice(0, 2))).toBe(true);
      });
    }
  }
});
