/**
 * One Yuma Consensus epoch for one subnet mechanism: the on-chain sparse path, step for step in
 * the reference's order (docs/spec/yuma.md). Pure: plain data in, plain data out, every number an
 * exact fixed-point raw.
 */
import { fixed, fixed64ToFixed32, fixedProportionToU16, fixedToU64, I32, I64F64 } from '@taonet/primitives';
import { activityCutoff, isActive } from './activity.js';
import type { StageInput, StageOutput } from './epoch-stages.js';
import { fastStages } from './fast/fast-stages.js';
import { referenceStages } from './reference/reference-stages.js';
import type { EpochInput, EpochOutput } from './types.js';
import { type FixedVector, isTopkNonzero, maskVector, normalize, sum } from './vector.js';

const U64_MAX = (1n << 64n) - 1n;

const toU16 = (v: FixedVector): Uint16Array => Uint16Array.from(v, fixedProportionToU16);

/** share × E in I96F32, floored to u64: the rao amount of a proportion. */
function shareOf(share: bigint, emission: bigint): bigint {
  return fixedToU64(share * emission, 32n);
}

/** Runs one epoch: the fast kernel when the input is within its proven range, else the reference. */
export function runEpoch(input: EpochInput): EpochOutput {
  return runEpochFast(input) ?? runEpochReference(input);
}

/**
 * Runs one epoch with the matrix stages on exact Number raws; null when the input lies outside the
 * range where that is proven to match `runEpochReference` bit for bit.
 */
export function runEpochFast(input: EpochInput): EpochOutput | null {
  return epochWith(input, fastStages);
}

/** Runs one epoch entirely in BigInt: the specification `runEpoch` must match bit for bit. */
export function runEpochReference(input: EpochInput): EpochOutput {
  return epochWith(input, referenceStages);
}

function epochWith(input: EpochInput, stages: (s: StageInput) => StageOutput): EpochOutput;
function epochWith(input: EpochInput, stages: (s: StageInput) => StageOutput | null): EpochOutput | null;
function epochWith(input: EpochInput, stages: (s: StageInput) => StageOutput | null): EpochOutput | null {
  const { n, currentBlock, hyperparameters: hp, ownerUid } = input;
  const owner = ownerUid !== null && ownerUid < n ? ownerUid : null;

  // 1. Activity.
  const cutoff = activityCutoff(hp.tempo, hp.activityCutoffFactorMilli);
  const lastUpdate = Array.from({ length: n }, (_, i) => input.lastUpdate[i] ?? 0n);
  const blockAtRegistration = Array.from({ length: n }, (_, i) => input.blockAtRegistration[i] ?? 0n);
  const active = lastUpdate.map((lu) => isActive(lu, cutoff, currentBlock));
  const inactive = active.map((a) => !a);

  // 2. Stake: threshold filter (owner exempt), normalise in I64F64, floor to I32F32.
  const rawStake: bigint[] = [];
  const total: bigint[] = [];
  for (let i = 0; i < n; i++) {
    const s = input.stakeFixed[i] ?? 0n;
    const whole = s >> 64n;
    rawStake.push(whole < 0n ? 0n : whole > U64_MAX ? U64_MAX : whole);
    total.push(i !== owner && whole < hp.stakeThreshold ? 0n : s);
  }
  const totalSum = total.reduce((a, b) => a + b, 0n);
  const stake = BigInt64Array.from(total, (t) =>
    fixed64ToFixed32(totalSum === 0n ? t : fixed.safeDiv(I64F64, t, totalSum)),
  );

  // 3. Permits: the previous epoch's (owner forced on) mask this epoch; new ones are only written.
  const oldPermit = input.validatorPermit.slice();
  if (owner !== null && owner < oldPermit.length) oldPermit[owner] = true;
  const forbid = oldPermit.map((p) => !p);
  const newValidatorPermit = isTopkNonzero(stake, hp.maxAllowedValidators);
  if (owner !== null) newValidatorPermit[owner] = true;

  // 4. Active stake.
  const activeStake = normalize(maskVector(forbid, maskVector(inactive, stake)));

  // 5–9. Weights, consensus, incentive, bonds, dividends.
  const lastTempo =
    input.lastMechanismStepBlock === 0n
      ? currentBlock > BigInt(hp.tempo)
        ? currentBlock - BigInt(hp.tempo)
        : 0n
      : input.lastMechanismStepBlock + 1n;
  const matrixStages = stages({
    input,
    n,
    owner,
    lastUpdate,
    blockAtRegistration,
    forbid,
    activeStake,
    lastTempo,
    newValidatorPermit,
  });
  if (matrixStages === null) return null;
  const { weights, consensus, validatorTrust, incentive, dividends, emaBonds, bondsDelta, bondRows } = matrixStages;

  // 10. Emission split, with the fallbacks when nothing was earned.
  const combined = BigInt64Array.from(incentive, (x, i) => I32.satAdd(x, dividends[i] as bigint));
  const esum = sum(combined);
  let nse = incentive.map((x) => (esum === 0n ? x : I32.safeDiv(x, esum)));
  let nve = dividends.map((x) => (esum === 0n ? x : I32.safeDiv(x, esum)));
  let nce = normalize(combined);
  if (esum === 0n) {
    const fallback = sum(activeStake) === 0n ? stake : activeStake;
    nve = new BigInt64Array(fallback);
    nce = new BigInt64Array(fallback);
    nse = new BigInt64Array(n);
  }
  const e = input.raoEmission;
  const serverEmission = Array.from(nse, (s) => shareOf(s, e));
  const validatorEmission = Array.from(nve, (s) => shareOf(s, e));
  const emission = Array.from(nce, (s) => shareOf(s, e));

  return {
    stakeWeight: toU16(stake),
    active,
    newValidatorPermit,
    consensus: toU16(consensus),
    incentive: toU16(incentive),
    dividends: toU16(dividends),
    validatorTrust: toU16(validatorTrust),
    emission,
    serverEmission,
    validatorEmission,
    bonds: bondRows,
    rawStake,
    fixed: {
      stake,
      activeStake,
      weights,
      consensus,
      validatorTrust,
      incentive,
      dividends,
      emaBonds,
      bondsDelta,
      normalizedServerEmission: nse,
      normalizedValidatorEmission: nve,
      normalizedCombinedEmission: nce,
    },
  };
}
