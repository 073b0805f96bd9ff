/**
 * Writes vectors/economics-mechanisms.json: the scenarios of subtensor's tests/mechanism.rs and
 * Taonet's own edge cases. Expected values are this implementation's exact output (a regression
 * target); before writing, every value the upstream tests assert is checked here, and
 * vectors/tools/mechanisms_model.py checks the file against an independent float model.
 *
 *   npx tsx packages/conformance/src/generate/mechanism-vectors.ts
 */
import { writeFileSync } from 'node:fs';
import { deepStrictEqual, ok } from 'node:assert/strict';
import type { Json, JsonObject } from '../codec.js';
import { encodeEpochOutput, decodeState, runState } from '../handlers/epoch.js';
import { mechanismHandlers } from '../handlers/mechanisms.js';

const OUT = new URL('../../../../vectors/economics-mechanisms.json', import.meta.url);
const U16 = 65535;

/** subtensor's mock defaults (tests/mock.rs), as the mechanism tests run them. */
const HP = {
  tempo: 1,
  activity_cutoff_factor_milli: 13889,
  kappa: 32767,
  bonds_penalty: 65535,
  bonds_moving_average: '900000',
  yuma3_enabled: false,
  liquid_alpha_enabled: false,
  alpha_low: 45875,
  alpha_high: 58982,
  alpha_sigmoid_steepness: 1000,
  max_allowed_validators: 100,
  stake_threshold: '0',
  commit_reveal_enabled: false,
};

type Row = [number, number][];
interface Mech {
  last_update: string[];
  weights: Row[];
  bonds?: Row[];
}

/** `mock_epoch_state`: two neurons with 1 α each, both permitted, block 1, registered at block 1. */
function mockState(n: 2 | 3): JsonObject {
  return {
    n,
    current_block: '1',
    hyperparameters: HP,
    last_mechanism_step_block: '0',
    owner_uid: null,
    stake: n === 2 ? ['1000000000', '1000000000'] : ['1000000000', '1000000000', '0'],
    block_at_registration: Array(n).fill('1'),
    validator_permit: n === 2 ? [true, true] : [true, false, false],
  };
}

function mech(n: number, weights: Row[], lastUpdate = '2', bonds?: Row[]): Mech {
  return {
    last_update: Array(n).fill(lastUpdate),
    weights,
    bonds: bonds ?? Array.from({ length: n }, () => []),
  };
}

const EACH_OTHER: Row = [
  [0, U16],
  [1, U16],
];
const W4 = Math.floor(U16 / 5) * 4; // 0xFFFF / 5 * 4 in the upstream tests
const W1 = Math.floor(U16 / 5);

interface Case {
  name: string;
  fn: string;
  input: JsonObject;
  note: string;
  /** Upstream-asserted values: path → value (checked here, exactly or within ±tol). */
  asserts?: { path: (string | number)[]; value: Json; tol?: number }[];
  /** Keys of the output kept in `expected` (all when absent). */
  keep?: string[];
}

const epochCase = (
  name: string,
  n: 2 | 3,
  mechs: Mech[],
  note: string,
  extra: Partial<Case> = {},
  over: JsonObject = {},
): Case => ({
  name,
  fn: 'mechanism_epoch',
  input: {
    ...mockState(n),
    ...over,
    rao_emission: '1000000000',
    split: null,
    mechanisms: mechs as unknown as Json,
    ...extra.input,
  },
  note,
  ...(extra.asserts ? { asserts: extra.asserts } : {}),
});

const CASES: Case[] = [
  {
    name: 'split: 25 rao evenly over 5 mechanisms',
    fn: 'mechanism_split_emissions',
    input: { alpha: '25', mechanism_count: 5, split: null },
    note: 'source: subtensor tests/mechanism.rs split_emissions_even_division (asserted exactly)',
    asserts: [{ path: ['emissions'], value: ['5', '5', '5', '5', '5'] }],
  },
  {
    name: 'split: 10 rao over 4, the remainder to mechanism 0',
    fn: 'mechanism_split_emissions',
    input: { alpha: '10', mechanism_count: 4, split: null },
    note: 'source: subtensor tests/mechanism.rs split_emissions_rounding_to_first (asserted exactly)',
    asserts: [{ path: ['emissions'], value: ['4', '2', '2', '2'] }],
  },
  {
    name: 'split: 19 rao by a Fibonacci split',
    fn: 'mechanism_split_emissions',
    input: { alpha: '19', mechanism_count: 5, split: [3450, 6899, 10348, 17247, 27594] },
    note: 'source: subtensor tests/mechanism.rs split_emissions_fibbonacci (asserted exactly)',
    asserts: [{ path: ['emissions'], value: ['1', '2', '3', '5', '8'] }],
  },
  {
    name: 'split: a split shorter than the count pads with zeros',
    fn: 'mechanism_split_emissions',
    input: { alpha: '1000000007', mechanism_count: 3, split: [40000, 25535] },
    note: 'source: derived (Taonet edge case): parts floor(α·p/65535), missing parts 0, the truncation to mechanism 0',
  },
  {
    name: 'split: thirds of an odd amount',
    fn: 'mechanism_split_emissions',
    input: { alpha: '1000000007', mechanism_count: 3, split: [21845, 21845, 21845] },
    note: 'source: derived (Taonet edge case): three equal parts sum to 65535; the 1-rao remainders go to mechanism 0',
  },
  {
    name: 'split: u64::MAX over 16 mechanisms',
    fn: 'mechanism_split_emissions',
    input: { alpha: '18446744073709551615', mechanism_count: 16, split: null },
    note: 'source: derived (Taonet edge case): the largest amount and count; no overflow, the remainder to mechanism 0',
  },
  {
    name: 'split: zero emission',
    fn: 'mechanism_split_emissions',
    input: { alpha: '0', mechanism_count: 2, split: [1, 65534] },
    note: 'source: derived (Taonet edge case)',
  },
  epochCase(
    'two mechanisms, validators weighting each other: incentive per mechanism',
    2,
    [mech(2, [EACH_OTHER, EACH_OTHER]), mech(2, [EACH_OTHER, EACH_OTHER])],
    'source: subtensor tests/mechanism.rs epoch_with_mechanisms_produces_per_mechanism_incentive (asserted: incentive 0xFFFF/2 for both uids on both mechanisms; everything else derived)',
    {
      asserts: [
        { path: ['mechanisms', 0, 'incentive'], value: [32767, 32767] },
        { path: ['mechanisms', 1, 'incentive'], value: [32767, 32767] },
      ],
    },
  ),
  epochCase(
    'two mechanisms with different weights: bonds per mechanism',
    2,
    [
      mech(2, [EACH_OTHER, EACH_OTHER]),
      mech(2, [
        [
          [0, U16],
          [1, 0],
        ],
        EACH_OTHER,
      ]),
    ],
    'source: subtensor tests/mechanism.rs epoch_with_mechanisms_updates_bonds (asserted: the four bond rows; everything else derived)',
    {
      asserts: [
        { path: ['mechanisms', 0, 'bonds'], value: [[[1, U16]], [[0, U16]]] },
        { path: ['mechanisms', 1, 'bonds'], value: [[], [[0, U16]]] },
      ],
    },
  ),
  epochCase(
    'one validator, opposite weights on two mechanisms',
    3,
    [
      mech(3, [
        [
          [1, W4],
          [2, W1],
        ],
        EACH_OTHER,
        [],
      ]),
      mech(3, [
        [
          [1, W1],
          [2, W4],
        ],
        EACH_OTHER,
        [],
      ]),
    ],
    'source: subtensor tests/mechanism.rs epoch_with_mechanisms_incentives_proportional_to_weights (asserted within ±1: incentive of uid 1 and 2 on both mechanisms; everything else derived)',
    {
      asserts: [
        { path: ['mechanisms', 0, 'incentive', 1], value: W4, tol: 1 },
        { path: ['mechanisms', 0, 'incentive', 2], value: W1, tol: 1 },
        { path: ['mechanisms', 1, 'incentive', 1], value: W1, tol: 1 },
        { path: ['mechanisms', 1, 'incentive', 2], value: W4, tol: 1 },
      ],
    },
  ),
  epochCase(
    'a 25/75 split: subnet terms are emission-weighted aggregates',
    3,
    [
      mech(3, [
        [
          [1, Math.floor(U16 / 5) * 3],
          [2, Math.floor(U16 / 5) * 2],
        ],
        EACH_OTHER,
        [],
      ]),
      mech(3, [
        [
          [1, W1],
          [2, W4],
        ],
        EACH_OTHER,
        [],
      ]),
    ],
    'source: subtensor tests/mechanism.rs epoch_with_mechanisms_persists_and_aggregates_all_terms (asserted: weights 0.25/0.75 within 1e-4, combined server and validator emission = per-mechanism sums within 1 rao, combined emission, consensus, dividends and validator trust = weighted sums within 1, active and permit ORed; the numbers are derived)',
    { input: { split: [16383, 49152] } },
  ),
  epochCase(
    'no weight, no incentive on both mechanisms',
    3,
    [
      mech(3, [
        [
          [1, 1],
          [2, 0],
        ],
        EACH_OTHER,
        [],
      ]),
      mech(3, [
        [
          [1, 1],
          [2, 0],
        ],
        EACH_OTHER,
        [],
      ]),
    ],
    'source: subtensor tests/mechanism.rs epoch_with_mechanisms_no_weight_no_incentive (asserted exactly: incentive [0, 65535, 0] on both mechanisms)',
    {
      asserts: [
        { path: ['mechanisms', 0, 'incentive'], value: [0, U16, 0] },
        { path: ['mechanisms', 1, 'incentive'], value: [0, U16, 0] },
      ],
    },
  ),
  epochCase(
    'one mechanism is the plain epoch',
    3,
    [
      mech(3, [
        [
          [1, W4],
          [2, W1],
        ],
        EACH_OTHER,
        [],
      ]),
    ],
    'source: derived (Taonet edge case): with one mechanism the combined terms equal the plain epoch output (checked by the generator)',
  ),
  epochCase(
    'zero emission: mechanism 0 carries the whole weight',
    3,
    [
      mech(3, [
        [
          [1, W4],
          [2, W1],
        ],
        EACH_OTHER,
        [],
      ]),
      mech(3, [
        [
          [1, W1],
          [2, W4],
        ],
        EACH_OTHER,
        [],
      ]),
    ],
    "source: derived (Taonet edge case): total 0 gives mechanism weights [1, 0] (subtensor's safe_div_or default), so the subnet terms are mechanism 0's",
    { input: { rao_emission: '0' } },
  ),
  epochCase(
    'a mechanism with no share still updates its bonds',
    3,
    [
      mech(3, [
        [
          [1, W4],
          [2, W1],
        ],
        EACH_OTHER,
        [],
      ]),
      mech(3, [
        [
          [1, W1],
          [2, W4],
        ],
        EACH_OTHER,
        [],
      ]),
    ],
    'source: derived (Taonet edge case): split [65535, 0]: mechanism 1 distributes 0 and weighs 0 in the subnet terms, yet its epoch runs',
    { input: { split: [U16, 0] } },
  ),
  epochCase(
    'a validator inactive on one mechanism only',
    3,
    [
      mech(
        3,
        [
          [
            [1, W4],
            [2, W1],
          ],
          EACH_OTHER,
          [],
        ],
        '990',
      ),
      {
        last_update: ['100', '990', '990'],
        weights: [
          [
            [1, W1],
            [2, W4],
          ],
          EACH_OTHER,
          [],
        ],
        bonds: [[], [], []],
      },
    ],
    'source: derived (Taonet edge case): block 1000, cutoff 500: uid 0 is active on mechanism 0 and not on mechanism 1; active is ORed; mechanism 1 falls back to stake for its validator emission',
    {},
    {
      current_block: '1000',
      hyperparameters: { ...HP, tempo: 100, activity_cutoff_factor_milli: 5000 },
      block_at_registration: ['1', '1', '1'],
    },
  ),
  epochCase(
    'three mechanisms, uneven split, existing bonds, Yuma3',
    3,
    [
      mech(
        3,
        [
          [
            [1, W4],
            [2, W1],
          ],
          [
            [1, W1],
            [2, W4],
          ],
          [],
        ],
        '2',
        [[[1, 30000]], [[2, 20000]], []],
      ),
      mech(3, [[[2, U16]], [[1, U16]], []], '2', [[[2, 40000]], [], []]),
      mech(3, [[[1, U16]], [[1, U16]], []]),
    ],
    'source: derived (Taonet edge case): Yuma3, two validators, each mechanism with its own stored bonds; split [10000, 30000, 25535] of 1e9+7 rao',
    { input: { split: [10000, 30000, 25535], rao_emission: '1000000007' } },
    {
      stake: ['3000000000', '1000000000', '0'],
      validator_permit: [true, true, false],
      hyperparameters: { ...HP, yuma3_enabled: true },
    },
  ),
];

function at(x: Json, path: (string | number)[]): Json {
  let v: Json = x;
  for (const k of path) v = (v as Record<string | number, Json>)[k] as Json;
  return v;
}

const cases: JsonObject[] = CASES.map((c) => {
  const handler = mechanismHandlers[c.fn];
  if (handler === undefined) throw new Error(c.fn);
  const expected = handler(c.input, null);
  for (const a of c.asserts ?? []) {
    const got = at(expected, a.path);
    if (a.tol === undefined) deepStrictEqual(got, a.value, `${c.name}: ${a.path.join('.')}`);
    else ok(Math.abs((got as number) - (a.value as number)) <= a.tol, `${c.name}: ${a.path.join('.')} = ${got}`);
  }
  if (c.name === 'one mechanism is the plain epoch') {
    const input = c.input as JsonObject;
    const m = (input.mechanisms as JsonObject[])[0] as JsonObject;
    const plain = encodeEpochOutput(runState(decodeState({ ...input, ...m, commit_block: null }), 1_000_000_000n));
    const comb = (expected as JsonObject).combined as JsonObject;
    for (const k of [
      'emission',
      'consensus',
      'incentive',
      'dividends',
      'validator_trust',
      'stake_weight',
      'server_emission',
      'validator_emission',
    ])
      deepStrictEqual(comb[k], plain[k], `plain epoch: ${k}`);
    deepStrictEqual(comb.validator_permit, plain.new_validator_permit);
  }
  return { name: c.name, fn: c.fn, input: c.input, expected, note: c.note };
});

const file = {
  suite: 'economics-mechanisms',
  source:
    'subtensor 14bc6f9f: subnets/mechanism.rs (split_emissions, epoch_with_mechanisms), epoch/run_epoch.rs (epoch_mechanism); tests/mechanism.rs',
  cases,
};
writeFileSync(OUT, `${JSON.stringify(file, null, 1)}\n`);
console.log(`wrote ${cases.length} cases to ${OUT.pathname}`);
