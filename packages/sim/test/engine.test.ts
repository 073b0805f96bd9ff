import { describe, expect, it } from 'vitest';
import { runScenario } from '../src/engine/engine.js';
import { SimulationError } from '../src/errors.js';
import { scenarioFromObject } from '../src/scenario/parse.js';

const scenario = (over: Record<string, unknown> = {}) =>
  scenarioFromObject({
    name: 'engine',
    seed: 3,
    epochs: 6,
    hyperparameters: { tempo: 12 },
    subnets: [
      {
        name: 'alpha',
        ownerBuyback: 2,
        validators: [
          { name: 'a', stake: 800, behaviour: 'honest' },
          { name: 'b', stake: 400, behaviour: 'shifted' },
          { name: 'c', stake: 200, behaviour: 'lazy' },
        ],
        miners: [
          { name: 'good', quality: 0.9 },
          { name: 'sybil', quality: 0.4, count: 3 },
        ],
      },
      {
        name: 'beta',
        hyperparameters: { tempo: 9, commitRevealEnabled: true },
        validators: [
          { name: 'x', stake: 500, behaviour: 'honest' },
          { name: 'y', stake: 500, behaviour: { kind: 'copier', options: { target: 'x' } } },
        ],
        miners: [
          { name: 'm1', quality: 0.7 },
          { name: 'm2', quality: 0.2 },
        ],
      },
    ],
    stakers: [
      {
        name: 'whale',
        balance: 3000,
        delegate: 'alpha/a',
        flows: [
          { epoch: 0, action: 'stake', subnet: 'alpha', amount: 1000 },
          { epoch: 2, action: 'move', subnet: 'alpha', to: 'beta', amount: 0.5 },
          { epoch: 4, action: 'unstake', subnet: 'beta', amount: 1 },
        ],
        policy: { kind: 'chase-emission', every: 3 },
      },
    ],
    ...over,
  });

describe('simulation engine', () => {
  it('fast and full-block modes end in the identical state digest and records', () => {
    const sc = scenario();
    const fast = runScenario(sc, { mode: 'fast' });
    const full = runScenario(sc, { mode: 'full' });
    expect(fast.failures).toEqual([]);
    expect(full.digest).toBe(fast.digest);
    expect(full.blocks).toBe(fast.blocks);
    expect(full.entities).toEqual(fast.entities);
    expect(full.subnets).toEqual(fast.subnets);
    // Full mode samples every subnet after every block; fast mode samples nothing between epochs.
    expect(full.perBlock.length).toBe(full.blocks * 2);
    expect(fast.perBlock).toEqual([]);
    expect(fast.entities.filter((r) => r.subnet === 'alpha')).toHaveLength(6 * 6);
    for (const name of ['alpha', 'beta'])
      expect(fast.subnets.filter((s) => s.subnet === name).map((s) => s.epoch)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('is reproducible from its seed, and a different seed gives a different chain', () => {
    const a = runScenario(scenario());
    const b = runScenario(scenario());
    const c = runScenario(scenario({ seed: 4 }));
    expect(b.digest).toBe(a.digest);
    expect(c.digest).not.toBe(a.digest);
  });

  it('pays miners by quality, sybil copies split alike, and the owner buyback grows the owner stake', () => {
    const r = runScenario(scenario());
    const t = (e: string) => r.totals.find((x) => x.subnet === 'alpha' && x.entity === e);
    expect(t('good')?.incentive ?? 0).toBeGreaterThan(0);
    // Three copies at 0.4 quality together outweigh one at 0.9: the sybil gain honest weights give.
    expect(t('sybil')?.incentive ?? 0).toBeGreaterThan(t('good')?.incentive ?? 0);
    const owner = r.entities.filter((x) => x.subnet === 'alpha' && x.entity === 'owner');
    expect((owner.at(-1)?.stake ?? 0n) > (owner[0]?.stake ?? 0n)).toBe(true);
    // The validators are paid in the order of their stake times their usefulness.
    expect(t('a')?.dividends ?? 0).toBeGreaterThan(t('c')?.dividends ?? 0);
  });

  it('under commit-reveal the copier gets revealed weights only, one epoch late', () => {
    const r = runScenario(scenario());
    const beta = r.entities.filter((x) => x.subnet === 'beta');
    const y = beta.filter((x) => x.entity === 'y');
    const x = beta.filter((x) => x.entity === 'x');
    // Epoch 0: nothing is revealed yet, so nobody earns dividends.
    expect(x[0]?.dividends).toBe(0);
    expect(y.reduce((a, e) => a + e.dividends, 0)).toBeLessThan(x.reduce((a, e) => a + e.dividends, 0));
  });

  it('turns a chain refusal during setup into a SimulationError with the scenario path', () => {
    const sc = scenarioFromObject({
      epochs: 1,
      subnets: [
        {
          name: 'alpha',
          hyperparameters: { maxAllowedUids: 2 },
          validators: [{ name: 'v', stake: 1 }],
          miners: [{ name: 'm', quality: 0.5, count: 3 }],
        },
      ],
    });
    expect(() => runScenario(sc)).toThrow(SimulationError);
    try {
      runScenario(sc);
    } catch (e) {
      expect((e as SimulationError).path).toBe('$.subnets[0].hyperparameters.maxAllowedUids');
    }
  });
});

describe('what to record', () => {
  it('reports only the figures the scenario asks for', async () => {
    const { resultCsvFiles } = await import('../src/report/csv.js');
    const { runCharts } = await import('../src/report/charts.js');
    const r = runScenario(
      scenarioFromObject({
        epochs: 2,
        hyperparameters: { tempo: 10 },
        record: ['dividends', 'stake'],
        subnets: [{ name: 's', validators: [{ name: 'v', stake: 100 }], miners: [{ name: 'm', quality: 0.5 }] }],
      }),
    );
    const files = resultCsvFiles(r);
    expect(files['entities.csv']?.split('\n')[0]).toBe('subnet,epoch,block,entity,role,behaviour,uids,dividends,stake');
    expect(files['subnets.csv']).toBeUndefined();
    expect(runCharts(r).map((c) => c.id)).toEqual(['s0-dividends', 's0-stake']);
  });
});

describe('stake whales', () => {
  const whale = (policy: boolean) =>
    runScenario(
      scenarioFromObject({
        epochs: 5,
        hyperparameters: { tempo: 10 },
        subnets: ['a', 'b'].map((name) => ({
          name,
          validators: [{ name: 'v', stake: 300 }],
          miners: [{ name: 'm', quality: 0.5 }],
        })),
        stakers: [
          {
            name: 'whale',
            balance: 2000,
            delegate: 'a/v',
            flows: [
              { epoch: 0, action: 'stake', subnet: 'a', amount: 500 },
              { epoch: 0, action: 'stake', subnet: 'b', amount: 900 },
            ],
            ...(policy ? { policy: { kind: 'chase-emission', every: 2 } } : {}),
          },
        ],
      }),
    );

  it('a chase-emission whale ends with its whole position on one subnet; without the policy it stays split', () => {
    const moved = whale(true);
    const stayed = whale(false);
    expect(moved.failures).toEqual([]);
    expect(stayed.stakers[0]?.positions.map((p) => p.subnet).sort()).toEqual(['a', 'b']);
    expect(moved.stakers[0]?.positions).toHaveLength(1);
    expect(moved.digest).not.toBe(stayed.digest);
  });
});
