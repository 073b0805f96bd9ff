/**
 * Smoke test of `npm run bench -- axon-flood` in its short mode: the three processes start, every
 * phase runs and reports, and the last line is the key figure. No timing is asserted (the machine
 * may be shared); the phases' V success is, since even a starved axon must answer V eventually.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

describe('axon-flood bench (short mode)', () => {
  it('runs every phase and ends with the key figure', async () => {
    const out = await new Promise<string>((resolve, reject) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', 'bench/index.ts', 'axon-flood'],
        { cwd: root, env: { ...process.env, AXON_FLOOD_SHORT: '1' }, timeout: 170_000, maxBuffer: 1 << 20 },
        (err, stdout, stderr) => (err === null ? resolve(stdout) : reject(new Error(`${err.message}\n${stderr}`))),
      );
    });
    const lines = out.trim().split('\n');
    expect(out).toMatch(/^capacity: \d+ verified requests per axon CPU-second/m);
    for (const phase of [
      'before',
      'mixed flood 10x',
      'after',
      'cheap refusals 10x',
      'forged sigs claiming V 2x',
      'stalled 4 MiB uploads',
    ])
      expect(out).toMatch(new RegExp(`${phase}.* V +\\d+\\.\\d% of +\\d+ +p50 .* axon RSS max \\d+ MB`));
    expect(out).toMatch(/axon RSS \(MB\) through the run: .*max \d+ MB/);
    expect(lines.at(-1)).toMatch(/^V during the mixed 10x flood: \d+\.\d% success, p99 \d+ ms/);
    // Every phase served V at least sometimes.
    for (const m of out.matchAll(/ V +(\d+\.\d)% of/g)) expect(Number(m[1])).toBeGreaterThan(0);
  }, 180_000);
});
