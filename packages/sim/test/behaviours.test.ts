import { describe, expect, it } from 'vitest';
import type { BehaviourFactory, ValidatorView } from '../src/behaviours/behaviour.js';
import { behaviourFactory, behaviourKinds, registerBehaviour } from '../src/behaviours/registry.js';
import { runScenario } from '../src/engine/engine.js';
import { ScenarioError } from '../src/errors.js';
import { Rng } from '../src/rng.js';
import { scenarioFromObject } from '../src/scenario/parse.js';

/** A subnet of 6 uids: 0 owner, 1–2 validators, 3–5 miners (5 belongs to the cabal). */
function view(over: Partial<ValidatorView> = {}): ValidatorView {
  return {
    epoch: 0,
    selfUid: 1,
    selfName: 'v1',
    n: 6,
    quality: [0, 0, 0, 0.9, 0.5, 0.1],
    minerUids: [3, 4, 5],
    minerOf: new Map([
      [3, 'good'],
      [4, 'ok'],
      [5, 'friend'],
    ]),
    validatorUids: new Map([
      ['v1', 1],
      ['v2', 2],
    ]),
    consensus: [0, 0, 0, 0.6, 0.3, 0.1],
    stake: [0n, 10n, 30n, 0n, 0n, 0n],
    visibleWeights: [
      [],
      [],
      [
        [3, 0.2],
        [4, 0.8],
      ],
      [],
      [],
      [],
    ],
    rng: new Rng('t'),
    ...over,
  };
}

const make = (kind: string, options: Record<string, unknown> = {}) =>
  (behaviourFactory(kind) as BehaviourFactory).create(options, '$.b');

describe('behaviours', () => {
  it('honest measures true quality with seeded noise, reproducibly', () => {
    const exact = make('honest', { noise: 0 }).weights(view());
    expect(exact).toEqual([0, 0, 0, 0.9, 0.5, 0.1]);
    const a = make('honest', { noise: 0.1 }).weights(view({ rng: new Rng('s') }));
    const b = make('honest', { noise: 0.1 }).weights(view({ rng: new Rng('s') }));
    expect(a).toEqual(b);
    expect(a).not.toEqual(exact);
  });

  it('lazy sets last consensus, and nothing before there is one', () => {
    expect(make('lazy').weights(view())).toEqual([0, 0, 0, 0.6, 0.3, 0.1]);
    expect(make('lazy').weights(view({ consensus: [0, 0, 0, 0, 0, 0] }))).toBeNull();
  });

  it('copier copies its target row, or the stake-weighted visible rows, and nothing when nothing is visible', () => {
    expect(make('copier', { target: 'v2' }).weights(view())).toEqual([0, 0, 0, 0.2, 0.8, 0]);
    expect(make('copier').weights(view())).toEqual([0, 0, 0, 0.2 * 30, 0.8 * 30, 0]);
    expect(make('copier').weights(view({ visibleWeights: [[], [], [], [], [], []] }))).toBeNull();
  });

  it('shifted sets what it measured one epoch earlier', () => {
    const b = make('shifted', { noise: 0 });
    expect(b.weights(view())).toBeNull();
    expect(b.weights(view({ quality: [0, 0, 0, 0.1, 0.1, 0.9] }))).toEqual([0, 0, 0, 0.9, 0.5, 0.1]);
    expect(b.weights(view())).toEqual([0, 0, 0, 0.1, 0.1, 0.9]);
  });

  it('cabal weights only its miners', () => {
    expect(make('cabal', { miners: ['friend'] }).weights(view())).toEqual([0, 0, 0, 0, 0, 1]);
    expect(() => make('cabal', {})).toThrow(ScenarioError);
  });

  it('a researcher-defined behaviour plugs in through registerBehaviour', () => {
    const contrarian: BehaviourFactory = {
      kind: 'contrarian',
      description: 'weights the worst miner',
      create: () => ({
        weights: (v) => {
          const worst = [...v.minerUids].sort((a, b) => (v.quality[a] ?? 0) - (v.quality[b] ?? 0))[0] as number;
          return v.quality.map((_, u) => (u === worst ? 1 : 0));
        },
      }),
    };
    registerBehaviour(contrarian);
    expect(behaviourKinds()).toContain('contrarian');
    expect(() => registerBehaviour(contrarian)).toThrow(/already registered/);
    const r = runScenario(
      scenarioFromObject({
        epochs: 3,
        hyperparameters: { tempo: 10 },
        subnets: [
          {
            name: 's',
            validators: [{ name: 'c', stake: 100, behaviour: 'contrarian' }],
            miners: [
              { name: 'best', quality: 0.9 },
              { name: 'worst', quality: 0.1 },
            ],
          },
        ],
      }),
    );
    const inc = (e: string) => r.totals.find((t) => t.entity === e)?.incentive ?? 0;
    expect(r.failures).toEqual([]);
    expect(inc('worst')).toBeGreaterThan(0);
    expect(inc('best')).toBe(0);
  });
});
