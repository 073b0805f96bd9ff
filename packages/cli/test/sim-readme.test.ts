/**
 * The README's "Research an incentive mechanism" section, run as printed: its YAML scenario is
 * written to `research.yaml` in a fresh directory, then every `npx taonet …` line of its shell block
 * runs there (through this checkout's `bin/taonet.js`, which is what `npx taonet` resolves to in the
 * repository). Each must succeed and leave the files the section tells the reader to open.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CLI = join(ROOT, 'packages/cli/bin/taonet.js');

function section(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('## Research an incentive mechanism');
  expect(start).toBeGreaterThanOrEqual(0);
  const end = readme.indexOf('\n## ', start + 5);
  return readme.slice(start, end < 0 ? undefined : end);
}

const block = (text: string, lang: string): string => {
  const m = new RegExp(`\`\`\`${lang}\\n([\\s\\S]*?)\`\`\``).exec(text);
  if (m === null) throw new Error(`no ${lang} block in the README section`);
  return m[1] as string;
};

describe('README: research an incentive mechanism', () => {
  it('runs the printed commands on the printed scenario', () => {
    const s = section();
    const dir = mkdtempSync(join(tmpdir(), 'taonet-sim-readme-'));
    writeFileSync(join(dir, 'research.yaml'), block(s, 'yaml'));
    const commands = block(s, 'sh')
      .split('\n')
      .filter((l) => l.startsWith('npx taonet '));
    expect(commands).toHaveLength(3);
    const outputs: string[] = [];
    for (const line of commands) {
      const args = line.slice('npx taonet '.length).split(/\s+/).filter(Boolean);
      const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', timeout: 240_000 });
      expect(r.status, `${line}\n${r.stderr}`).toBe(0);
      outputs.push(r.stdout);
    }
    expect(outputs[0]).toMatch(/research\.yaml: ok \(copier-vs-honest/);
    expect(outputs[1]).toMatch(/digest 0x[0-9a-f]{64}/);
    expect(outputs[2]).toMatch(/4 runs on \d worker/);
    for (const f of ['report.html', 'result.json', 'entities.csv', 'subnets.csv', 'totals.csv'])
      expect(existsSync(join(dir, 'sim-out', f)), f).toBe(true);
    for (const f of ['sweep.html', 'sweep.json', 'sweep.csv'])
      expect(existsSync(join(dir, 'sim-sweep', f)), f).toBe(true);
    // The question the scenario asks has the answer the report shows: the copier earns less per stake.
    const totals = JSON.parse(readFileSync(join(dir, 'sim-out', 'result.json'), 'utf8')).totals as {
      entity: string;
      dividends: number;
    }[];
    const d = (e: string) => totals.find((t) => t.entity === e)?.dividends ?? 0;
    expect(d('copier') / 500).toBeLessThan(d('honest-a') / 1000);
  });

  it('reports a bad scenario as a typed error with its JSON path, and writes nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'taonet-sim-bad-'));
    writeFileSync(
      join(dir, 'bad.yaml'),
      'epochs: 3\nsubnets:\n  - name: s\n    validators: [{ name: v, stake: 10, behaviour: sleepy }]\n    miners: [{ name: m, quality: 0.5 }]\n',
    );
    const r = spawnSync(process.execPath, [CLI, '--json', 'sim', 'run', 'bad.yaml', '--out', 'out'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    // The CLI's one failure shape (every command's --json failure).
    const err = JSON.parse(r.stdout) as { success: boolean; code: string; explanation: string; hint: string };
    expect(err).toMatchObject({ success: false, code: 'ScenarioError' });
    expect(err.explanation).toMatch(/^\$\.subnets\[0\]\.validators\[0\]\.behaviour: unknown behaviour "sleepy"/);
    expect(err.hint).toMatch(/honest/);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});
