#!/usr/bin/env node
// Enforces the dependency direction (ARCHITECTURE.md): which workspace may import which, that
// every internal import is declared in package.json, and that the runtime and primitives import
// no I/O. Exits non-zero listing each violation.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

// workspace -> internal packages it may import (from src/)
const ALLOWED = {
  primitives: [],
  runtime: ['primitives'],
  node: ['primitives', 'runtime'],
  sdk: ['primitives'],
  cli: ['primitives', 'sdk', 'node', 'runtime', 'explorer', 'sim'],
  conformance: ['primitives', 'runtime', 'sdk'],
  explorer: ['primitives', 'sdk'],
  sim: ['primitives', 'runtime'],
};
// Packages whose src must stay pure: no node: builtins, no I/O libraries.
const PURE = new Set(['primitives', 'runtime']);
const IO_MODULES = /^(node:|fs$|net$|http$|https$|child_process$|lmdb$|ws$)/;

function files(dir) {
  const out = [];
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) out.push(...files(p));
    else if (p.endsWith('.ts')) out.push(p);
  }
  return out;
}

const problems = [];
const workspaceDirs = ['packages', 'subnets'].flatMap((d) => {
  try {
    return readdirSync(join(root, d)).map((n) => join(root, d, n));
  } catch {
    return [];
  }
});
for (const dir of workspaceDirs) {
  const name = dir.split('/').pop();
  let pkg;
  try {
    pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  } catch {
    continue;
  }
  const declared = new Set(Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies }));
  const allowed = ALLOWED[name] ?? (dir.includes('/subnets/') ? ['primitives', 'sdk', 'subnet-core'] : null);
  let srcFiles = [];
  try {
    srcFiles = files(join(dir, 'src'));
  } catch {
    continue;
  }
  for (const f of srcFiles) {
    const text = readFileSync(f, 'utf8');
    const specs = [...text.matchAll(/(?:from\s+|import\s*\(\s*)['"]([^'"]+)['"]/g)].map((m) => m[1]);
    for (const s of specs) {
      const where = relative(root, f);
      if (s.startsWith('@taonet/')) {
        const dep = s.slice('@taonet/'.length).split('/')[0];
        // Subnet mechanisms stay pure: only primitives, so the simulator can run them without a network.
        if (where.includes('/src/mechanism/') && dep !== 'primitives')
          problems.push(`${where}: a subnet mechanism may import only @taonet/primitives`);
        if (allowed !== null && !allowed.includes(dep))
          problems.push(`${where}: ${name} may not import @taonet/${dep}`);
        if (!declared.has(`@taonet/${dep}`))
          problems.push(`${where}: imports @taonet/${dep} without declaring it in package.json`);
      } else if (PURE.has(name) && IO_MODULES.test(s)) {
        problems.push(`${where}: ${name} must stay pure, but imports '${s}'`);
      }
    }
  }
}
// Inside the runtime, domain folders form layers, lowest first. An import from a folder to one
// above it is a backward import; they make the rooms harder to read, so their number may only
// fall. (36 before issue 11's moves, by this order; `--report` lists them.)
const RUNTIME_LAYERS = [
  'state',
  'params',
  'system',
  'drand',
  'balances',
  'epoch',
  'registration',
  'subnets',
  'swap',
  'neurons',
  'staking',
  'identity',
  'children',
  'root',
  'weights',
  'mechanisms',
  'shield',
  'commitments',
  'coinbase',
  'key-swaps',
  'subnet-lifecycle',
  'proxy',
  'block',
  'views',
];
const MAX_BACKWARD_IMPORTS = 8;
const runtimeSrc = join(root, 'packages/runtime/src');
const backward = [];
for (const f of files(runtimeSrc)) {
  const from = relative(runtimeSrc, f).split('/');
  if (from.length < 2) continue;
  const text = readFileSync(f, 'utf8');
  for (const m of text.matchAll(/from\s+'(\.{1,2}\/[^']+)'/g)) {
    const to = relative(runtimeSrc, join(f, '..', m[1])).split('/');
    if (to.length < 2 || to[0] === from[0]) continue;
    const a = RUNTIME_LAYERS.indexOf(from[0]);
    const b = RUNTIME_LAYERS.indexOf(to[0]);
    if (a < 0) problems.push(`packages/runtime/src/${from[0]}: a runtime folder missing from RUNTIME_LAYERS`);
    else if (b < 0) problems.push(`packages/runtime/src/${to[0]}: a runtime folder missing from RUNTIME_LAYERS`);
    else if (a < b) backward.push(`${relative(root, f)} -> ${to.join('/')}`);
  }
}
if (backward.length > MAX_BACKWARD_IMPORTS)
  problems.push(
    `${backward.length} backward imports between runtime folders (at most ${MAX_BACKWARD_IMPORTS}):\n    ${backward.join('\n    ')}`,
  );
if (process.argv.includes('--report'))
  console.log(`runtime backward imports: ${backward.length}\n  ${backward.join('\n  ')}`);

if (problems.length > 0) {
  console.error(`Dependency boundary violations:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('boundaries ok');
