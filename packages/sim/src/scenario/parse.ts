/**
 * Reads a scenario from JSON or YAML text and checks every field, so a bad scenario fails before
 * the chain is built, with the JSON path of the first problem. See docs/sim-scenario.md.
 */
import { DEFAULT_HYPERPARAMETERS, DEFAULT_NETWORK_PARAMS } from '@taonet/runtime';
import { parse as parseYaml } from 'yaml';
import { behaviourFactory, behaviourKinds } from '../behaviours/registry.js';
import { ScenarioError } from '../errors.js';
import {
  type BehaviourSpec,
  type FlowSpec,
  type MinerSpec,
  RECORD_FIELDS,
  type RecordField,
  type Scenario,
  type StakerSpec,
  type SubnetSpec,
  type ValidatorSpec,
} from './types.js';

type Obj = Record<string, unknown>;

const RAO_DIGITS = 9;
const NAME_RE = /^[A-Za-z0-9_.-][A-Za-z0-9 _.()-]{0,63}$/;

function obj(v: unknown, path: string, allowed: readonly string[]): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new ScenarioError(path, 'must be an object');
  for (const k of Object.keys(v)) {
    if (!allowed.includes(k))
      throw new ScenarioError(`${path}.${k}`, `unknown field '${k}'`, `fields: ${allowed.join(', ')}`);
  }
  return v as Obj;
}

function list(v: unknown, path: string, min = 0): unknown[] {
  if (v === undefined && min === 0) return [];
  if (!Array.isArray(v)) throw new ScenarioError(path, 'must be a list');
  if (v.length < min) throw new ScenarioError(path, `needs at least ${min} entr${min === 1 ? 'y' : 'ies'}`);
  return v;
}

function name(v: unknown, path: string): string {
  if (typeof v !== 'string' || !NAME_RE.test(v))
    throw new ScenarioError(
      path,
      'must be a name of 1–64 letters, digits, spaces or _.()-',
      `got ${JSON.stringify(v)}`,
    );
  return v;
}

function int(v: unknown, path: string, min: number, max: number, fallback?: number): number {
  if (v === undefined && fallback !== undefined) return fallback;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max)
    throw new ScenarioError(path, `must be a whole number in [${min}, ${max}]`, `got ${JSON.stringify(v)}`);
  return v;
}

function fraction(v: unknown, path: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 1)
    throw new ScenarioError(path, 'must be a number in [0, 1]', `got ${JSON.stringify(v)}`);
  return v;
}

/** TAO as a decimal number or string → rao, exactly (no float rounding past 9 decimals). */
export function taoAmount(v: unknown, path: string): bigint {
  const text = typeof v === 'number' && Number.isFinite(v) ? v.toFixed(RAO_DIGITS) : v;
  if (typeof text !== 'string' || !/^\d+(\.\d+)?$/.test(text))
    throw new ScenarioError(path, 'must be a non-negative TAO amount', `got ${JSON.stringify(v)}`);
  const [whole = '0', frac = ''] = text.split('.');
  if (frac.replace(/0+$/, '').length > RAO_DIGITS)
    throw new ScenarioError(path, 'has more than 9 decimals', 'the smallest unit is 1 rao = 1e-9 TAO');
  return BigInt(whole) * 10n ** BigInt(RAO_DIGITS) + BigInt(frac.padEnd(RAO_DIGITS, '0').slice(0, RAO_DIGITS));
}

/** Overrides checked against the runtime's own defaults: known names, and each value of its type. */
function overrides(
  v: unknown,
  path: string,
  defaults: object,
  what: string,
): Record<string, number | bigint | boolean | string> {
  if (v === undefined) return {};
  const o = obj(v, path, Object.keys(defaults));
  const samples = defaults as Readonly<Record<string, unknown>>;
  const out: Record<string, number | bigint | boolean | string> = {};
  for (const [k, raw] of Object.entries(o)) {
    const sample = samples[k];
    const p = `${path}.${k}`;
    if (typeof sample === 'bigint') {
      if (
        (typeof raw === 'number' && Number.isSafeInteger(raw) && raw >= 0) ||
        (typeof raw === 'string' && /^\d+$/.test(raw))
      )
        out[k] = BigInt(raw);
      else throw new ScenarioError(p, `${what} '${k}' takes a non-negative whole number`, `got ${JSON.stringify(raw)}`);
    } else if (typeof sample === 'number') {
      out[k] = int(raw, p, 0, 2 ** 32 - 1);
    } else if (typeof sample === 'boolean') {
      if (typeof raw !== 'boolean') throw new ScenarioError(p, `${what} '${k}' takes true or false`);
      out[k] = raw;
    } else {
      if (typeof raw !== 'string') throw new ScenarioError(p, `${what} '${k}' takes a string`);
      out[k] = raw;
    }
  }
  return out;
}

function behaviour(v: unknown, path: string): BehaviourSpec {
  const spec: Obj = typeof v === 'string' ? { kind: v } : obj(v, path, ['kind', 'options']);
  const kind = spec.kind;
  const factory = typeof kind === 'string' ? behaviourFactory(kind) : undefined;
  if (factory === undefined)
    throw new ScenarioError(
      typeof v === 'string' ? path : `${path}.kind`,
      `unknown behaviour ${JSON.stringify(kind)}`,
      `behaviours: ${behaviourKinds().join(', ')}`,
    );
  const options =
    spec.options === undefined ? {} : obj(spec.options, `${path}.options`, Object.keys(spec.options as Obj));
  factory.create(options, `${path}.options`);
  return { kind: factory.kind, options };
}

function validator(v: unknown, path: string): ValidatorSpec {
  const o = obj(v, path, ['name', 'stake', 'behaviour']);
  return {
    name: name(o.name, `${path}.name`),
    stake: taoAmount(o.stake, `${path}.stake`),
    behaviour: behaviour(o.behaviour ?? 'honest', `${path}.behaviour`),
  };
}

function miner(v: unknown, path: string): MinerSpec {
  const o = obj(v, path, ['name', 'quality', 'count']);
  return {
    name: name(o.name, `${path}.name`),
    quality: fraction(o.quality, `${path}.quality`),
    count: int(o.count, `${path}.count`, 1, 4096, 1),
  };
}

function unique(names: readonly string[], path: string, what: string): void {
  const seen = new Set<string>();
  names.forEach((n, i) => {
    if (seen.has(n))
      throw new ScenarioError(`${path}[${i}].name`, `${what} '${n}' appears twice`, 'names must be unique');
    seen.add(n);
  });
}

function subnet(v: unknown, path: string): SubnetSpec {
  const o = obj(v, path, ['name', 'hyperparameters', 'validators', 'miners', 'ownerBuyback']);
  const validators = list(o.validators, `${path}.validators`, 1).map((x, i) =>
    validator(x, `${path}.validators[${i}]`),
  );
  const miners = list(o.miners, `${path}.miners`, 1).map((x, i) => miner(x, `${path}.miners[${i}]`));
  unique(
    validators.map((x) => x.name),
    `${path}.validators`,
    'validator',
  );
  unique(
    miners.map((x) => x.name),
    `${path}.miners`,
    'miner',
  );
  // Cabals must name miners of this subnet; copiers, validators of it.
  validators.forEach((val, i) => {
    const p = `${path}.validators[${i}].behaviour.options`;
    const opts = val.behaviour.options;
    if (val.behaviour.kind === 'cabal')
      for (const m of opts.miners as string[])
        if (!miners.some((x) => x.name === m))
          throw new ScenarioError(
            `${p}.miners`,
            `no miner '${m}' on subnet`,
            `miners: ${miners.map((x) => x.name).join(', ')}`,
          );
    if (
      val.behaviour.kind === 'copier' &&
      typeof opts.target === 'string' &&
      !validators.some((x) => x.name === opts.target)
    )
      throw new ScenarioError(`${p}.target`, `no validator '${opts.target}' on subnet`);
  });
  return {
    name: name(o.name, `${path}.name`),
    hyperparameters: overrides(o.hyperparameters, `${path}.hyperparameters`, DEFAULT_HYPERPARAMETERS, 'hyperparameter'),
    validators,
    miners,
    ownerBuyback: o.ownerBuyback === undefined ? 0n : taoAmount(o.ownerBuyback, `${path}.ownerBuyback`),
  };
}

function flow(v: unknown, path: string, subnets: readonly string[], epochs: number): FlowSpec {
  const o = obj(v, path, ['epoch', 'action', 'subnet', 'to', 'amount']);
  const action = o.action;
  if (action !== 'stake' && action !== 'unstake' && action !== 'move')
    throw new ScenarioError(`${path}.action`, 'must be stake, unstake or move', `got ${JSON.stringify(action)}`);
  const sub = (x: unknown, p: string): string => {
    const n = name(x, p);
    if (!subnets.includes(n)) throw new ScenarioError(p, `no subnet '${n}'`, `subnets: ${subnets.join(', ')}`);
    return n;
  };
  const base: FlowSpec = {
    epoch: int(o.epoch, `${path}.epoch`, 0, epochs - 1),
    action,
    subnet: sub(o.subnet, `${path}.subnet`),
    amount:
      action === 'stake' ? Number(taoAmount(o.amount, `${path}.amount`)) / 1e9 : fraction(o.amount, `${path}.amount`),
  };
  if (action === 'move') return { ...base, to: sub(o.to, `${path}.to`) };
  if (o.to !== undefined) throw new ScenarioError(`${path}.to`, "only a 'move' has a destination");
  return base;
}

function staker(v: unknown, path: string, subnets: readonly SubnetSpec[], epochs: number): StakerSpec {
  const o = obj(v, path, ['name', 'balance', 'delegate', 'flows', 'policy']);
  const delegate = o.delegate;
  if (typeof delegate !== 'string') throw new ScenarioError(`${path}.delegate`, "must be 'subnet name/validator name'");
  const [sn, vn] = delegate.split('/');
  const target = subnets.find((s) => s.name === sn);
  if (target === undefined || !target.validators.some((x) => x.name === vn))
    throw new ScenarioError(`${path}.delegate`, `no validator '${delegate}'`, "write 'subnet name/validator name'");
  const names = subnets.map((s) => s.name);
  let policy: StakerSpec['policy'] = null;
  if (o.policy !== undefined) {
    const p = obj(o.policy, `${path}.policy`, ['kind', 'every']);
    if (p.kind !== 'chase-emission' && p.kind !== 'chase-price')
      throw new ScenarioError(`${path}.policy.kind`, 'must be chase-emission or chase-price');
    policy = { kind: p.kind, every: int(p.every, `${path}.policy.every`, 1, 1_000_000, 1) };
  }
  return {
    name: name(o.name, `${path}.name`),
    balance: taoAmount(o.balance, `${path}.balance`),
    delegate,
    flows: list(o.flows, `${path}.flows`).map((x, i) => flow(x, `${path}.flows[${i}]`, names, epochs)),
    policy,
  };
}

/** Checks a parsed document (from JSON or YAML) and returns the scenario it describes. */
export function scenarioFromObject(doc: unknown): Scenario {
  const o = obj(doc, '$', ['name', 'seed', 'epochs', 'network', 'hyperparameters', 'subnets', 'stakers', 'record']);
  const epochs = int(o.epochs, '$.epochs', 1, 100_000);
  const subnets = list(o.subnets, '$.subnets', 1).map((x, i) => subnet(x, `$.subnets[${i}]`));
  unique(
    subnets.map((s) => s.name),
    '$.subnets',
    'subnet',
  );
  const stakers = list(o.stakers, '$.stakers').map((x, i) => staker(x, `$.stakers[${i}]`, subnets, epochs));
  unique(
    stakers.map((s) => s.name),
    '$.stakers',
    'staker',
  );
  const record = (o.record === undefined ? [...RECORD_FIELDS] : list(o.record, '$.record', 1)).map((f, i) => {
    if (!RECORD_FIELDS.includes(f as RecordField))
      throw new ScenarioError(
        `$.record[${i}]`,
        `unknown field ${JSON.stringify(f)}`,
        `fields: ${RECORD_FIELDS.join(', ')}`,
      );
    return f as RecordField;
  });
  return {
    name: name(o.name ?? 'scenario', '$.name'),
    seed: int(o.seed, '$.seed', 0, 2 ** 31 - 1, 1),
    epochs,
    network: overrides(o.network, '$.network', DEFAULT_NETWORK_PARAMS, 'network parameter'),
    hyperparameters: overrides(o.hyperparameters, '$.hyperparameters', DEFAULT_HYPERPARAMETERS, 'hyperparameter'),
    subnets,
    stakers,
    record,
  };
}

/** The raw document of JSON or YAML text (by file name, or JSON when the text starts with `{`). */
export function readScenarioDocument(text: string, fileName = ''): unknown {
  const json = fileName.endsWith('.json') || (!/\.ya?ml$/.test(fileName) && text.trimStart().startsWith('{'));
  try {
    return json ? JSON.parse(text) : parseYaml(text);
  } catch (e) {
    throw new ScenarioError('$', `not valid ${json ? 'JSON' : 'YAML'}: ${(e as Error).message.split('\n')[0]}`);
  }
}

/** Parses and checks a scenario from JSON or YAML text. */
export function parseScenario(text: string, fileName = ''): Scenario {
  return scenarioFromObject(readScenarioDocument(text, fileName));
}
