/** Writes a run's files into a directory: result.json, the CSVs and report.html. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SimResult } from '../engine/records.js';
import { resultCsvFiles } from './csv.js';
import { runReportHtml } from './html.js';
import { toJson } from './json.js';

export function writeRunReport(r: SimResult, dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const files: Record<string, string> = {
    'result.json': toJson(r),
    ...resultCsvFiles(r),
    'report.html': runReportHtml(r),
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return Object.keys(files).map((n) => join(dir, n));
}
