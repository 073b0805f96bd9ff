/**
 * `npm run lint` checks what git tracks: a scratch file lying untracked in the work tree does not
 * fail it, while the same file once added to git does.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
// `any` and `var` are both lint errors under biome.json.
const BAD = 'export var scratch: any = 1;\n';

function run(cmd: string, args: string[], cwd: string): { status: number | null; out: string } {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('lint scope', () => {
  it('ignores an untracked scratch file in the repo root, which biome itself would reject', () => {
    const scratch = join(root, `scratch-lint-${process.pid}.ts`);
    writeFileSync(scratch, BAD);
    try {
      const direct = run(
        process.execPath,
        [join(root, 'node_modules/@biomejs/biome/bin/biome'), 'check', scratch],
        root,
      );
      expect(direct.status, direct.out).not.toBe(0);
      const plan = run(process.execPath, ['scripts/lint.mjs', '--dry-run'], root);
      expect(plan.status).toBe(0);
      const targets = JSON.parse(plan.out) as string[];
      expect(targets).toContain('package.json');
      expect(targets.some((t) => t.includes('scratch-lint-'))).toBe(false);
      const lint = run(process.execPath, ['scripts/lint.mjs'], root);
      expect(lint.status, lint.out).toBe(0);
    } finally {
      rmSync(scratch, { force: true });
    }
  });

  it('still fails on a tracked file with a lint error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'taonet-lint-'));
    try {
      mkdirSync(join(dir, 'scripts'));
      copyFileSync(join(root, 'scripts/lint.mjs'), join(dir, 'scripts/lint.mjs'));
      copyFileSync(join(root, 'biome.json'), join(dir, 'biome.json'));
      symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
      writeFileSync(join(dir, '.gitignore'), 'node_modules\n');
      writeFileSync(join(dir, 'bad.ts'), BAD);
      expect(run('git', ['init', '-q'], dir).status).toBe(0);
      expect(run(process.execPath, ['scripts/lint.mjs'], dir).status).toBe(0);
      expect(run('git', ['add', 'bad.ts'], dir).status).toBe(0);
      const lint = run(process.execPath, ['scripts/lint.mjs'], dir);
      expect(lint.status, lint.out).not.toBe(0);
      expect(lint.out).toMatch(/bad\.ts/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
