import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../src/errors.js';
import { parseMeasure } from '../src/sweep/measure.js';
import { parseParamValue, withParam } from '../src/sweep/param-path.js';
import { runPoint } from '../src/sweep/run-point.js';
import { gridPoints, runSweep } from '../src/sweep/sweep.js';

const doc = {
  name: 'sweep',
  epochs: 3,
  hyperparameters: { tempo: 10 },
  subnets: [
    {
      name: 'alpha',
      validators: [
        { name: 'a', stake: 500, behaviour: 'honest' },
        { name: 'c', stake: 100, behaviour: { kind: 'copier', options: { target: 'a' } } },
      ],
      miners: [
        { name: 'm1', quality: 0.8 },
        { name: 'm2', quality: 0.3 },
      ],
    },
  ],
};

describe('sweeps', () => {
  it('addresses values by name or index, without touching the original', () => {
    const d = withParam(doc, 'subnets.alpha.validators.c.stake', 900);
    expect(d.subnets[0]?.validators[1]?.stake).toBe(900);
    expect(doc.subnets[0]?.validators[1]?.stake).toBe(100);
    expect(withParam(doc, 'subnets[0].miners[1].quality', 0.5).subnets[0]?.miners[1]?.quality).toBe(0.5);
    expect(withParam(doc, 'hyperparameters.kappa', 1000).hyperparameters).toEqual({ tempo: 10, kappa: 1000 });
    expect(() => withParam(doc, 'subnets.beta.validators', [])).toThrow(ScenarioError);
    expect([parseParamValue('12'), parseParamValue('0.5'), parseParamValue('true'), parseParamValue('lazy')]).toEqual([
      12,
      0.5,
      true,
      'lazy',
    ]);
    expect(() => parseMeasure('alpha/c')).toThrow(/not a measure/);
  });

  it('walks the grid in order, keyed by parameters', () => {
    expect(
      gridPoints([
        { path: 'x', values: [1, 2] },
        { path: 'y', values: ['a', 'b'] },
      ]),
    ).toEqual([
      { x: 1, y: 'a' },
      { x: 1, y: 'b' },
      { x: 2, y: 'a' },
      { x: 2, y: 'b' },
    ]);
  });

  it('gives the same results on one worker, two workers and in process', async () => {
    const params = [
      { path: 'hyperparameters.kappa', values: [16384, 49151] },
      { path: 'subnets.alpha.validators.c.behaviour', values: ['honest', 'lazy'] },
    ];
    const one = await runSweep('s', doc, params, { workers: 1 });
    const two = await runSweep('s', doc, params, { workers: 2 });
    expect(two.workers).toBe(2);
    expect(two.runs).toEqual(one.runs);
    expect(one.runs.map((r) => r.params)).toEqual(gridPoints(params));
    const local = runPoint(doc, { 'hyperparameters.kappa': 49151, 'subnets.alpha.validators.c.behaviour': 'lazy' });
    expect(one.runs[3]).toEqual(local);
    expect(new Set(one.runs.map((r) => r.digest)).size).toBe(4);
  });

  it('rejects a bad grid point before starting any worker, with its path', async () => {
    await expect(runSweep('s', doc, [{ path: 'subnets.alpha.miners.m1.quality', values: [0.5, 7] }])).rejects.toThrow(
      /\$\.subnets\[0\]\.miners\[0\]\.quality/,
    );
  });
});
