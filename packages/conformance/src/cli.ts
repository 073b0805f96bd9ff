/**
 * `npm run conformance -- <file-or-dir>...`: runs shared vector files, prints every failing case
 * with expected against actual, and ends with `N passed, M failed`. Exit code 0 only if nothing
 * failed; unknown `fn` names are failures.
 */
import { relative } from 'node:path';
import { collectFiles, type CaseResult, runFile } from './run.js';

const MAX_MISMATCHES_SHOWN = 8;
const clip = (s: string, n = 300): string => (s.length > n ? `${s.slice(0, n)}…` : s);
const show = (x: unknown): string => (x === undefined ? '(absent)' : clip(JSON.stringify(x)));

function report(r: CaseResult): string {
  const lines = [`FAIL ${relative(process.cwd(), r.file) || r.file} :: ${r.name} (${r.fn || 'no fn'})`];
  if (r.error !== undefined) lines.push(`  ${r.error}`);
  for (const m of r.mismatches.slice(0, MAX_MISMATCHES_SHOWN)) {
    lines.push(`  at ${m.path || '(root)'}: ${m.why}`);
    lines.push(`    expected ${show(m.expected)}`);
    lines.push(`    actual   ${show(m.actual)}`);
  }
  if (r.mismatches.length > MAX_MISMATCHES_SHOWN)
    lines.push(`  … and ${r.mismatches.length - MAX_MISMATCHES_SHOWN} more differences`);
  return lines.join('\n');
}

function main(argv: readonly string[]): number {
  const args = argv.filter((a) => a !== '--');
  if (args.length === 0 || args.includes('--help') || args.includes('-h')) {
    console.log('usage: npm run conformance -- <vector-file-or-dir>...');
    console.log('Runs shared test-vector files; the last line is "N passed, M failed".');
    console.log('0 passed, 0 failed');
    return args.length === 0 ? 2 : 0;
  }
  let passed = 0;
  let failed = 0;
  let files: string[];
  try {
    files = collectFiles(args);
  } catch (e) {
    console.log(`cannot read ${args.join(' ')}: ${(e as Error).message}`);
    console.log('0 passed, 1 failed');
    return 1;
  }
  for (const file of files) {
    for (const r of runFile(file)) {
      if (r.ok) passed++;
      else {
        failed++;
        console.log(report(r));
      }
    }
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
