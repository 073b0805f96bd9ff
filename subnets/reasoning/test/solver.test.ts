import { describe, expect, it } from 'vitest';
import {
  answerWithModel,
  EMPTY_VIEW,
  ENVIRONMENTS,
  honestMiner,
  linearSystem,
  programOutput,
  type ReasoningPrompt,
  sat,
  shortestPath,
  solve,
  UNLIMITED_BUDGET,
} from '../src/mechanism/index.js';

const prompt = (p: { prompt: unknown }) => p.prompt as ReasoningPrompt;

describe('honest solver', () => {
  it('solves a hand-written linear system exactly', () => {
    const inst = linearSystem.generate(1n, 1);
    const custom: ReasoningPrompt = {
      ...prompt(inst),
      data: {
        kind: 'linear-system',
        a: [
          [2, 1, -1],
          [-3, -1, 2],
          [-2, 1, 2],
        ],
        b: [8, -11, -3],
      },
    };
    expect(solve(custom, 1000)).toMatchObject({ ok: true, answer: '2 3 -1' });
    const singular: ReasoningPrompt = {
      ...custom,
      data: {
        kind: 'linear-system',
        a: [
          [1, 2],
          [2, 4],
        ],
        b: [3, 6],
      },
    };
    expect(solve(singular, 1000)).toMatchObject({ ok: false, reason: 'no-solution' });
  });

  it('reports an unsatisfiable formula instead of guessing', () => {
    const inst = sat.generate(1n, 1);
    const unsat: ReasoningPrompt = { ...prompt(inst), data: { kind: 'sat', variables: 1, clauses: [[1], [-1]] } };
    expect(solve(unsat, 1000)).toMatchObject({ ok: false, reason: 'no-solution' });
  });

  it('gives up (abstains) when the budget is too small, and succeeds with enough', () => {
    for (const env of ENVIRONMENTS) {
      const inst = env.generate(3n, 10);
      const full = solve(prompt(inst), UNLIMITED_BUDGET[env.name]);
      expect(full.ok).toBe(true);
      expect(solve(prompt(inst), Math.floor(full.work / 2))).toMatchObject({ ok: false, reason: 'budget' });
      expect(solve(prompt(inst), full.work).ok).toBe(true);
    }
  });

  it('a weaker miner fails more hard instances than a stronger one', () => {
    const weak = honestMiner({ 'program-output': 300, 'linear-system': 30, sat: 600, 'shortest-path': 200 });
    const strong = honestMiner();
    const prompts = ENVIRONMENTS.flatMap((env) => [2, 9].map((d) => prompt(env.generate(BigInt(d), d))));
    const abstained = (answers: string[]) => answers.filter((a) => a === '').length;
    expect(abstained(strong.answer(prompts, EMPTY_VIEW))).toBe(0);
    expect(abstained(weak.answer(prompts, EMPTY_VIEW))).toBeGreaterThanOrEqual(3);
  });

  it('the path answer is a node list and the program answer the printed values', () => {
    const p = shortestPath.generate(4n, 3);
    const path = solve(prompt(p), 1e6);
    expect(path.ok && path.answer.split(' ')[0]).toBe(String((p.prompt.data as { source: number }).source));
    const q = programOutput.generate(4n, 3);
    const out = solve(prompt(q), 1e6);
    expect(out.ok && out.answer).toBe(q.checkerData.output.join(' '));
  });
});

describe('model endpoint hook', () => {
  it('uses the endpoint when it answers and the local solver when it fails', async () => {
    const p = prompt(programOutput.generate(8n, 2));
    expect(await answerWithModel(async () => '42', p, 1e6)).toBe('42');
    const fallback = await answerWithModel(async () => Promise.reject(new Error('down')), p, 1e6);
    expect(programOutput.check(programOutput.generate(8n, 2), fallback)).toBe(true);
  });
});
