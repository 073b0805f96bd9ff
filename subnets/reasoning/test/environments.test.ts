import { describe, expect, it } from 'vitest';
import {
  type AnyEnvironment,
  determinant,
  ENVIRONMENTS,
  type Instance,
  type LinearPromptData,
  linearSize,
  linearSystem,
  type PathCheckerData,
  type PathPromptData,
  pathNodes,
  programOutput,
  type ReasoningPrompt,
  type SatPromptData,
  sat,
  satVariables,
  shortestPath,
  solve,
  UNLIMITED_BUDGET,
} from '../src/mechanism/index.js';

const solved = (env: AnyEnvironment, inst: Instance): string => {
  // Round-trip the prompt through JSON: the solver gets exactly what would cross the wire.
  const r = solve(JSON.parse(JSON.stringify(inst.prompt)) as ReasoningPrompt, UNLIMITED_BUDGET[env.name]);
  if (!r.ok) throw new Error(`solver failed on ${inst.id}: ${r.reason}`);
  return r.answer;
};

describe.each(ENVIRONMENTS.map((e) => [e.name, e] as const))('%s', (_, env) => {
  it('is deterministic per seed (bigint or bytes)', () => {
    const a = env.generate(123n, 5);
    expect(env.generate(123n, 5)).toEqual(a);
    const bytes = new Uint8Array(32);
    bytes[31] = 123;
    expect(env.generate(bytes, 5)).toEqual(a);
    expect(a.id).toMatch(/^0x[0-9a-f]{32}$/);
    expect(a.prompt.id).toBe(a.id);
    expect(a.env).toBe(env.name);
  });

  it('varies across seeds and across difficulties', () => {
    const texts = new Set<string>();
    for (let s = 0n; s < 20n; s++) texts.add(env.generate(s, 4).prompt.text);
    expect(texts.size).toBe(20);
    expect(env.generate(1n, 2).prompt.text).not.toBe(env.generate(1n, 9).prompt.text);
    expect(env.generate(1n, 2).id).not.toBe(env.generate(1n, 9).id);
  });

  it('clamps difficulty', () => {
    expect(env.generate(9n, 0).difficulty).toBe(1);
    expect(env.generate(9n, 99).difficulty).toBe(10);
    expect(env.generate(9n, Number.NaN).difficulty).toBe(1);
  });

  it('accepts the honest solver at every difficulty', () => {
    for (let d = 1; d <= 10; d++) {
      for (const seed of [BigInt(d), BigInt(1000 + d)]) {
        const inst = env.generate(seed, d);
        expect(env.check(inst, solved(env, inst))).toBe(true);
      }
    }
  });

  it('rejects malformed answers without throwing', () => {
    const inst = env.generate(77n, 3);
    for (const junk of [
      '',
      ' ',
      'abc',
      '-',
      '1e3',
      '0x10',
      '\u0000',
      '9'.repeat(5000),
      '1 '.repeat(3000),
      '[]',
      'NaN',
    ]) {
      expect(env.check(inst, junk)).toBe(false);
    }
  });

  it('normalises whitespace away but keeps content', () => {
    const inst = env.generate(5n, 3);
    const answer = solved(env, inst);
    expect(env.normalize(`  ${answer.split(' ').join('   ')}\n`)).toBe(env.normalize(answer));
  });
});

describe('checkers reject mutated correct answers', () => {
  it('program output: any changed, missing or extra value', () => {
    for (let s = 0n; s < 15n; s++) {
      const inst = programOutput.generate(s, 1 + Number(s % 10n));
      const tokens = solved(programOutput, inst).split(' ');
      const last = tokens.length - 1;
      const bump = tokens.map((t, i) => (i === last ? String((Number(t) + 1) % 2 ** 31) : t));
      expect(programOutput.check(inst, bump.join(' '))).toBe(false);
      expect(programOutput.check(inst, tokens.slice(0, last).join(' '))).toBe(false);
      expect(programOutput.check(inst, [...tokens, '0'].join(' '))).toBe(false);
      expect(programOutput.check(inst, tokens.map((t) => `0${t}`).join(' '))).toBe(false);
    }
  });

  it('linear system: any coordinate off by one (the matrix is non-singular)', () => {
    for (let s = 0n; s < 15n; s++) {
      const inst = linearSystem.generate(s, 1 + Number(s % 10n));
      const x = solved(linearSystem, inst).split(' ').map(Number);
      expect(determinant((inst.prompt.data as LinearPromptData).a)).not.toBe(0n);
      for (let j = 0; j < x.length; j++) {
        const y = x.map((v, i) => (i === j ? v + 1 : v));
        expect(linearSystem.check(inst, y.join(' '))).toBe(false);
      }
      expect(linearSystem.check(inst, [...x, 0].join(' '))).toBe(false);
    }
  });

  it('sat: an assignment falsifying one clause, and wrong lengths', () => {
    for (let s = 0n; s < 15n; s++) {
      const inst = sat.generate(s, 1 + Number(s % 10n));
      const bits = solved(sat, inst).split('');
      const data = inst.prompt.data as SatPromptData;
      const clause = data.clauses[Number(s) % data.clauses.length] ?? [];
      // Make every literal of the chosen clause false.
      for (const lit of clause) bits[Math.abs(lit) - 1] = lit > 0 ? '0' : '1';
      expect(sat.check(inst, bits.join(''))).toBe(false);
      expect(sat.check(inst, solved(sat, inst).slice(1))).toBe(false);
      expect(sat.check(inst, `${solved(sat, inst)}0`)).toBe(false);
    }
  });

  it('sat: accepts any satisfying assignment, not only the planted one', () => {
    let differs = 0;
    for (let s = 0n; s < 20n; s++) {
      const inst = sat.generate(s, 2);
      expect(sat.check(inst, inst.checkerData.planted)).toBe(true);
      if (solved(sat, inst) !== inst.checkerData.planted) differs++;
    }
    expect(differs).toBeGreaterThan(0);
  });

  it('shortest path: wrong ends, missing edges, and valid but longer walks', () => {
    let longer = 0;
    for (let s = 0n; s < 15n; s++) {
      const inst = shortestPath.generate(s, 1 + Number(s % 10n)) as Instance<PathPromptData, PathCheckerData>;
      const path = solved(shortestPath, inst).split(' ').map(Number);
      const { edges, nodes, source, target } = inst.prompt.data;
      expect(shortestPath.check(inst, path.slice(0, -1).join(' '))).toBe(false);
      expect(shortestPath.check(inst, [source, ...path].join(' '))).toBe(false); // no self-loops
      expect(shortestPath.check(inst, [...path, nodes].join(' '))).toBe(false);
      expect(shortestPath.check(inst, [...path.slice(0, -1), target + nodes].join(' '))).toBe(false);
      // The fewest-hops path by BFS is a real walk; when it is heavier than the optimum it must fail.
      const prev = new Map<number, number>([[source, source]]);
      const queue = [source];
      while (queue.length > 0) {
        const u = queue.shift() as number;
        for (const [a, b] of edges) {
          if (a === u && !prev.has(b)) {
            prev.set(b, u);
            queue.push(b);
          }
        }
      }
      const hops = [target];
      while (hops[0] !== source) hops.unshift(prev.get(hops[0] as number) as number);
      const weight = hops
        .slice(1)
        .reduce((w, v, i) => w + (edges.find((e) => e[0] === hops[i] && e[1] === v)?.[2] ?? 0), 0);
      expect(shortestPath.check(inst, hops.join(' '))).toBe(weight === inst.checkerData.distance);
      if (weight > inst.checkerData.distance) longer++;
    }
    expect(longer).toBeGreaterThan(0);
  });
});

describe('difficulty scales the instances', () => {
  it('sizes grow with difficulty', () => {
    expect(linearSize(1)).toBeLessThan(linearSize(10));
    expect(satVariables(1)).toBeLessThan(satVariables(10));
    expect(pathNodes(1)).toBeLessThan(pathNodes(10));
  });

  it('programs take more steps to run at high difficulty', () => {
    const median = (d: number) => {
      const works = Array.from(
        { length: 15 },
        (_, s) => solve(programOutput.generate(BigInt(s), d).prompt as ReasoningPrompt, 1e6).work,
      );
      return works.sort((a, b) => a - b)[7] ?? 0;
    };
    expect(median(9)).toBeGreaterThan(5 * median(1));
  });
});
