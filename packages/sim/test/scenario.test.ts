import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../src/errors.js';
import { parseScenario, scenarioFromObject } from '../src/scenario/parse.js';

// biome-ignore lint/suspicious/noExplicitAny: each case mutates a different deep path of the fixture
type Doc = any;

const base = () => ({
  name: 't',
  epochs: 3,
  subnets: [
    {
      name: 'alpha',
      validators: [{ name: 'v', stake: 100, behaviour: 'honest' }],
      miners: [{ name: 'm', quality: 0.5 }],
    },
  ],
});

function errorOf(doc: unknown): ScenarioError {
  try {
    scenarioFromObject(doc);
  } catch (e) {
    if (e instanceof ScenarioError) return e;
    throw e;
  }
  throw new Error('expected a ScenarioError');
}

describe('scenario schema', () => {
  it('reads the same scenario from JSON and YAML, with TAO amounts exact in rao', () => {
    const yaml = `
name: t
epochs: 3
hyperparameters: { tempo: 20, kappa: 40000, bondsMovingAverage: 975000 }
subnets:
  - name: alpha
    ownerBuyback: 0.5
    validators:
      - { name: v, stake: 100.123456789, behaviour: { kind: honest, options: { noise: 0.1 } } }
    miners:
      - { name: m, quality: 0.5, count: 3 }
`;
    const a = parseScenario(yaml, 'x.yaml');
    const b = parseScenario(
      JSON.stringify({ ...base(), hyperparameters: { tempo: 20, kappa: 40000, bondsMovingAverage: 975000 } }),
      'x.json',
    );
    expect(a.subnets[0]?.validators[0]?.stake).toBe(100_123_456_789n);
    expect(a.subnets[0]?.ownerBuyback).toBe(500_000_000n);
    expect(a.subnets[0]?.miners[0]?.count).toBe(3);
    expect(a.hyperparameters).toEqual({ tempo: 20, kappa: 40000, bondsMovingAverage: 975_000n });
    expect(b.hyperparameters).toEqual(a.hyperparameters);
    expect(a.record).toContain('dividends');
  });

  it.each([
    [(d: Doc) => (d.subnets[0].validators[0].stake = -1), '$.subnets[0].validators[0].stake'],
    [(d: Doc) => (d.subnets[0].miners[0].quality = 2), '$.subnets[0].miners[0].quality'],
    [(d: Doc) => (d.subnets[0].validators[0].behaviour = 'sleepy'), '$.subnets[0].validators[0].behaviour'],
    [
      (d: Doc) => (d.subnets[0].validators[0].behaviour = { kind: 'honest', options: { noize: 1 } }),
      '$.subnets[0].validators[0].behaviour.options.noize',
    ],
    [(d: Doc) => (d.hyperparameters = { kapa: 1 }), '$.hyperparameters.kapa'],
    [(d: Doc) => (d.hyperparameters = { tempo: 'fast' }), '$.hyperparameters.tempo'],
    [(d: Doc) => (d.network = { subnetLimit: true }), '$.network.subnetLimit'],
    [(d: Doc) => (d.epochs = 0), '$.epochs'],
    [(d: Doc) => d.subnets[0].miners.push({ name: 'm', quality: 0.1 }), '$.subnets[0].miners[1].name'],
    [
      (d: Doc) => (d.subnets[0].validators[0].behaviour = { kind: 'cabal', options: { miners: ['nobody'] } }),
      '$.subnets[0].validators[0].behaviour.options.miners',
    ],
    [(d: Doc) => (d.stakers = [{ name: 's', balance: 1, delegate: 'alpha/ghost' }]), '$.stakers[0].delegate'],
    [
      (d: Doc) =>
        (d.stakers = [
          {
            name: 's',
            balance: 1,
            delegate: 'alpha/v',
            flows: [{ epoch: 9, action: 'stake', subnet: 'alpha', amount: 1 }],
          },
        ]),
      '$.stakers[0].flows[0].epoch',
    ],
    [(d: Doc) => (d.record = ['dividends', 'vibes']), '$.record[1]'],
    [(d: Doc) => (d.extra = 1), '$.extra'],
  ])('names the JSON path of a bad value (%#)', (mutate, path) => {
    const d = base();
    mutate(d);
    const e = errorOf(d);
    expect(e.path).toBe(path);
    expect(e.explanation.length).toBeGreaterThan(5);
    expect(e.toJSON().code).toBe('ScenarioError');
  });

  it('reports unparsable text as a ScenarioError at $', () => {
    expect(() => parseScenario('{ "epochs": ', 'x.json')).toThrow(ScenarioError);
    expect(() => parseScenario('a: [1, 2', 'x.yaml')).toThrow(/\$: not valid YAML/);
  });
});
