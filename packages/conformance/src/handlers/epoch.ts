/** Handlers for whole epochs (`epoch`) and multi-epoch sequences with actions (`epoch_sequence`). */
import { epoch } from '@taonet/runtime';
import {
  big,
  bigs,
  bool,
  bools,
  encBigs,
  encSparse,
  encU16Rows,
  encVec,
  type Json,
  type JsonObject,
  num,
  u16Rows,
  VectorInputError,
} from '../codec.js';
import type { Handler } from '../registry.js';

/** The mutable epoch state a sequence evolves, in vector encoding-independent form. */
export interface SeqState {
  n: number;
  currentBlock: bigint;
  hp: { -readonly [K in keyof epoch.EpochHyperparameters]: epoch.EpochHyperparameters[K] };
  lastMechanismStepBlock: bigint;
  ownerUid: number | null;
  stake: bigint[];
  lastUpdate: bigint[];
  blockAtRegistration: bigint[];
  validatorPermit: boolean[];
  weights: epoch.U16Row[];
  bonds: epoch.U16Row[];
  commitBlock: (bigint | null)[] | null;
}

const HP_KEYS: Record<string, (v: Json | undefined) => unknown> = {
  tempo: (v) => num(v, 'tempo'),
  activity_cutoff_factor_milli: (v) => num(v, 'activity_cutoff_factor_milli'),
  kappa: (v) => num(v, 'kappa'),
  bonds_penalty: (v) => num(v, 'bonds_penalty'),
  bonds_moving_average: (v) => big(v, 'bonds_moving_average'),
  yuma3_enabled: (v) => bool(v, 'yuma3_enabled'),
  liquid_alpha_enabled: (v) => bool(v, 'liquid_alpha_enabled'),
  alpha_low: (v) => num(v, 'alpha_low'),
  alpha_high: (v) => num(v, 'alpha_high'),
  alpha_sigmoid_steepness: (v) => num(v, 'alpha_sigmoid_steepness'),
  max_allowed_validators: (v) => num(v, 'max_allowed_validators'),
  stake_threshold: (v) => big(v, 'stake_threshold'),
  commit_reveal_enabled: (v) => bool(v, 'commit_reveal_enabled'),
};

const camel = (k: string): string => k.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

function setHyperparameter(hp: SeqState['hp'], name: string, value: Json | undefined): void {
  const parse = HP_KEYS[name];
  if (parse === undefined) throw new VectorInputError(`unknown hyperparameter '${name}'`);
  (hp as unknown as Record<string, unknown>)[camel(name)] = parse(value);
}

export function decodeState(x: Json | undefined): SeqState {
  if (x === null || typeof x !== 'object' || Array.isArray(x))
    throw new VectorInputError('epoch input: expected an object');
  const hpIn = x.hyperparameters;
  if (hpIn === null || typeof hpIn !== 'object' || Array.isArray(hpIn))
    throw new VectorInputError('hyperparameters missing');
  const hp = {} as SeqState['hp'];
  for (const k of Object.keys(HP_KEYS)) setHyperparameter(hp, k, hpIn[k]);
  const commit = x.commit_block;
  return {
    n: num(x.n, 'n'),
    currentBlock: big(x.current_block, 'current_block'),
    hp,
    lastMechanismStepBlock: big(x.last_mechanism_step_block ?? '0', 'last_mechanism_step_block'),
    ownerUid: x.owner_uid === null || x.owner_uid === undefined ? null : num(x.owner_uid, 'owner_uid'),
    stake: bigs(x.stake, 'stake'),
    lastUpdate: bigs(x.last_update, 'last_update'),
    blockAtRegistration: bigs(x.block_at_registration, 'block_at_registration'),
    validatorPermit: bools(x.validator_permit, 'validator_permit'),
    weights: u16Rows(x.weights, 'weights'),
    bonds: u16Rows(x.bonds, 'bonds'),
    commitBlock:
      commit === null || commit === undefined
        ? null
        : (Array.isArray(commit) ? commit : []).map((c) => (c === null ? null : big(c, 'commit_block'))),
  };
}

export function runState(s: SeqState, raoEmission: bigint): epoch.EpochOutput {
  return epoch.runEpoch({
    n: s.n,
    currentBlock: s.currentBlock,
    hyperparameters: s.hp,
    lastMechanismStepBlock: s.lastMechanismStepBlock,
    ownerUid: s.ownerUid,
    // Vector stakes are whole rao; the epoch takes I64F64.
    stakeFixed: s.stake.map((x) => x << 64n),
    lastUpdate: s.lastUpdate,
    blockAtRegistration: s.blockAtRegistration,
    validatorPermit: s.validatorPermit,
    weights: s.weights,
    bonds: s.bonds,
    commitBlock: s.commitBlock,
    raoEmission,
  });
}

/** The output in the vector encoding (shared/vectors/README.md §6.1). */
export function encodeEpochOutput(o: epoch.EpochOutput): JsonObject {
  const f = o.fixed;
  const fx: JsonObject = {
    stake: encVec('I32F32', f.stake),
    active_stake: encVec('I32F32', f.activeStake),
    weights: encSparse(f.weights),
    consensus: encVec('I32F32', f.consensus),
    validator_trust: encVec('I32F32', f.validatorTrust),
    incentive: encVec('I32F32', f.incentive),
    dividends: encVec('I32F32', f.dividends),
    ema_bonds: encSparse(f.emaBonds),
    normalized_server_emission: encVec('I32F32', f.normalizedServerEmission),
    normalized_validator_emission: encVec('I32F32', f.normalizedValidatorEmission),
    normalized_combined_emission: encVec('I32F32', f.normalizedCombinedEmission),
  };
  if (f.bondsDelta !== null) fx.bonds_delta = encSparse(f.bondsDelta);
  const u16 = (v: Uint16Array): Json => Array.from(v);
  return {
    stake_weight: u16(o.stakeWeight),
    active: o.active,
    new_validator_permit: o.newValidatorPermit,
    consensus: u16(o.consensus),
    incentive: u16(o.incentive),
    dividends: u16(o.dividends),
    validator_trust: u16(o.validatorTrust),
    emission: encBigs(o.emission),
    server_emission: encBigs(o.serverEmission),
    validator_emission: encBigs(o.validatorEmission),
    bonds: encU16Rows(o.bonds),
    // u16_proportion_to_fixed of the stored dividends, as the Yuma3 upstream tests compare them.
    dividends_proportion: encVec(
      'I32F32',
      Array.from(o.dividends, (d) => (BigInt(d) << 32n) / 65535n),
    ),
    fixed: fx,
  };
}

const EMPTY_U16: epoch.U16Row = { cols: new Uint16Array(0), vals: new Uint16Array(0) };

function pad<T>(v: T[], n: number, fill: T): void {
  while (v.length < n) v.push(fill);
}

/** Applies one sequence action (shared/vectors/README.md §6.2). */
function applyAction(s: SeqState, a: Json): void {
  if (a === null || typeof a !== 'object' || Array.isArray(a)) throw new VectorInputError('action: expected an object');
  switch (a.op) {
    case 'set_block':
      s.currentBlock = big(a.block, 'block');
      return;
    case 'advance_blocks':
      s.currentBlock += BigInt(num(a.count, 'count'));
      return;
    case 'set_weights': {
      const uid = num(a.uid, 'uid');
      const dests = (Array.isArray(a.dests) ? a.dests : []).map((d) => num(d, 'dests'));
      const values = (Array.isArray(a.values) ? a.values : []).map((d) => num(d, 'values'));
      const up = epoch.vecU16MaxUpscaleToU16(values);
      s.weights[uid] = { cols: Uint16Array.from(dests), vals: Uint16Array.from(up) };
      pad(s.lastUpdate, s.n, 0n);
      s.lastUpdate[uid] = s.currentBlock;
      return;
    }
    case 'set_weights_raw': {
      const [row] = u16Rows([a.row ?? []], 'row');
      s.weights[num(a.uid, 'uid')] = row as epoch.U16Row;
      return;
    }
    case 'set_stake':
      s.stake[num(a.uid, 'uid')] = big(a.stake, 'stake');
      return;
    case 'replace_neuron': {
      const uid = num(a.uid, 'uid');
      pad(s.lastUpdate, s.n, 0n);
      s.blockAtRegistration[uid] = s.currentBlock;
      s.lastUpdate[uid] = s.currentBlock;
      if (uid < s.validatorPermit.length) s.validatorPermit[uid] = false;
      s.weights[uid] = EMPTY_U16;
      s.bonds[uid] = EMPTY_U16;
      s.weights = s.weights.map((row, i) => {
        if (i === uid || !row.cols.includes(uid)) return row;
        const vals = Uint16Array.from(row.vals);
        row.cols.forEach((c, k) => {
          if (c === uid) vals[k] = 0;
        });
        return { cols: row.cols, vals };
      });
      s.stake[uid] = big(a.stake, 'stake');
      return;
    }
    case 'append_neuron': {
      pad(s.lastUpdate, s.n, 0n);
      s.n += 1;
      s.stake.push(big(a.stake, 'stake'));
      s.blockAtRegistration.push(s.currentBlock);
      s.lastUpdate.push(s.currentBlock);
      s.weights.push(EMPTY_U16);
      s.bonds.push(EMPTY_U16);
      s.validatorPermit.push(false);
      if (s.commitBlock !== null) s.commitBlock.push(null);
      return;
    }
    case 'reset_bonds': {
      const uid = num(a.uid, 'uid');
      s.bonds = s.bonds.map((row) => {
        if (!row.cols.includes(uid)) return row;
        const keep = Array.from(row.cols.keys()).filter((k) => row.cols[k] !== uid);
        return {
          cols: Uint16Array.from(keep, (k) => row.cols[k] as number),
          vals: Uint16Array.from(keep, (k) => row.vals[k] as number),
        };
      });
      return;
    }
    case 'set_hyperparameter':
      if (typeof a.name !== 'string') throw new VectorInputError('set_hyperparameter: name missing');
      setHyperparameter(s.hp, a.name, a.value);
      return;
    case 'set_commit_block': {
      if (s.commitBlock === null) s.commitBlock = Array.from({ length: s.n }, () => null);
      s.commitBlock[num(a.uid, 'uid')] = a.block === null ? null : big(a.block, 'block');
      return;
    }
    case 'set_owner_uid':
      s.ownerUid = a.uid === null ? null : num(a.uid, 'uid');
      return;
    case 'set_last_mechanism_step_block':
      s.lastMechanismStepBlock = big(a.block, 'block');
      return;
    default:
      throw new VectorInputError(`unknown action op ${JSON.stringify(a.op)}`);
  }
}

export const epochHandlers: Record<string, Handler> = {
  epoch: (input) => encodeEpochOutput(runState(decodeState(input), big(input.rao_emission, 'rao_emission'))),

  epoch_sequence: (input, expected) => {
    const s = decodeState(input.initial);
    const steps = Array.isArray(input.steps) ? input.steps : [];
    const expSteps =
      expected !== null && typeof expected === 'object' && !Array.isArray(expected) && Array.isArray(expected.steps)
        ? expected.steps
        : [];
    const out: Json[] = [];
    steps.forEach((step, k) => {
      if (step === null || typeof step !== 'object' || Array.isArray(step))
        throw new VectorInputError('step: expected an object');
      for (const a of Array.isArray(step.actions) ? step.actions : []) applyAction(s, a);
      const o = runState(s, big(step.rao_emission, 'rao_emission'));
      out.push(encodeEpochOutput(o));
      // Teacher forcing: carry the expected bonds and permits, so one wrong step does not cascade.
      const e = expSteps[k];
      const eObj = e !== null && typeof e === 'object' && !Array.isArray(e) ? e : {};
      s.bonds = eObj.bonds !== undefined ? u16Rows(eObj.bonds, 'expected bonds') : o.bonds;
      s.validatorPermit =
        eObj.new_validator_permit !== undefined ? bools(eObj.new_validator_permit) : o.newValidatorPermit;
    });
    return { steps: out };
  },
};
