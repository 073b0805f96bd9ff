#!/usr/bin/env node
// Fails when a function in the outer packages (cli, explorer, sdk) runs over MAX_LINES lines, so a
// command registration or a page cannot grow back into one long body. Every function-like node
// counts (declarations, methods, arrows), measured from its first to its last line; a function's
// nested functions count towards it, so a long registration is long however it is split inside.
// Exits non-zero listing each one.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const root = new URL('..', import.meta.url).pathname;
export const MAX_LINES = 80;
const PACKAGES = ['packages/cli/src', 'packages/explorer/src', 'packages/sdk/src'];
// file:function → why it may be longer. Keep this short and explained.
const ALLOWED = new Map([]);

function files(dir) {
  const out = [];
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) out.push(...files(p));
    else if (p.endsWith('.ts') && !p.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

function nameOf(node, sf) {
  if (node.name !== undefined) return node.name.getText(sf);
  const p = node.parent;
  if (p !== undefined && ts.isVariableDeclaration(p)) return p.name.getText(sf);
  if (p !== undefined && ts.isPropertyAssignment(p)) return p.name.getText(sf);
  if (p !== undefined && ts.isCallExpression(p)) return `(argument of ${p.expression.getText(sf).slice(0, 40)})`;
  return '(anonymous)';
}

/** Every function in `text` longer than `max` lines: { name, line, lines }. */
export function longFunctions(path, text, max = MAX_LINES) {
  const sf = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const found = [];
  const visit = (node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body !== undefined) {
      const start = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
      const end = sf.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = end - start + 1;
      if (lines > max) found.push({ name: nameOf(node, sf), line: start + 1, lines });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const problems = [];
  for (const dir of PACKAGES)
    for (const f of files(join(root, dir))) {
      const where = relative(root, f);
      for (const fn of longFunctions(f, readFileSync(f, 'utf8')))
        if (!ALLOWED.has(`${where}:${fn.name}`))
          problems.push(`${where}:${fn.line} ${fn.name} is ${fn.lines} lines (max ${MAX_LINES})`);
    }
  if (problems.length > 0) {
    console.error(`Functions too long — split them (data plus small handlers, a loader and renderers):\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  console.log('function lengths ok');
}
