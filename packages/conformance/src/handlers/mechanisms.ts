/**
 * Handlers for economics-mechanisms.json: subtensor's `split_emissions` and `epoch_with_mechanisms`
 * (one epoch per mechanism on its share, then the subnet-level combination), through the runtime's
 * own split, epoch and combination.
 */
import { mechanisms } from '@taonet/runtime';
import { big, encBigs, encU16Rows, type Json, type JsonObject, list, num, nums, object } from '../codec.js';
import type { Handler } from '../registry.js';
import { decodeState, runState } from './epoch.js';

function splitOf(x: Json | undefined): number[] | null {
  return x === null || x === undefined ? null : nums(x, 'split');
}

/** One mechanism's epoch input: the subnet's shared fields with the mechanism's own rows. */
function mechanismInput(base: JsonObject, own: Json): JsonObject {
  const o = object(own, 'mechanisms[]');
  return {
    ...base,
    last_update: o.last_update ?? null,
    weights: o.weights ?? null,
    bonds: o.bonds ?? null,
    commit_block: o.commit_block ?? null,
  };
}

const u16 = (v: ArrayLike<number>): Json => Array.from(v);

export const mechanismHandlers: Record<string, Handler> = {
  mechanism_split_emissions: (input) => ({
    emissions: encBigs(
      mechanisms.splitEmissions(big(input.alpha, 'alpha'), num(input.mechanism_count), splitOf(input.split)),
    ),
  }),

  mechanism_epoch: (input) => {
    const total = big(input.rao_emission, 'rao_emission');
    const mechs = list(input.mechanisms, 'mechanisms');
    const emissions = mechanisms.splitEmissions(total, mechs.length, splitOf(input.split));
    const outputs = mechs.map((m, k) => runState(decodeState(mechanismInput(input, m)), emissions[k] ?? 0n));
    const c = mechanisms.combineMechanismEpochs(outputs, emissions, total);
    return {
      emissions: encBigs(emissions),
      weights: emissions.map((e, k) => mechanisms.mechanismWeight(e, total, k).toString()),
      mechanisms: outputs.map((o) => ({
        active: o.active,
        incentive: u16(o.incentive),
        dividends: u16(o.dividends),
        consensus: u16(o.consensus),
        validator_trust: u16(o.validatorTrust),
        emission: encBigs(o.emission),
        server_emission: encBigs(o.serverEmission),
        validator_emission: encBigs(o.validatorEmission),
        bonds: encU16Rows(o.bonds),
      })),
      combined: {
        active: c.active,
        validator_permit: c.newValidatorPermit,
        emission: encBigs(c.emission),
        consensus: c.consensus,
        incentive: c.incentive,
        dividends: c.dividends,
        validator_trust: c.validatorTrust,
        stake_weight: c.stakeWeight,
        server_emission: encBigs(c.serverEmission),
        validator_emission: encBigs(c.validatorEmission),
      },
    };
  },
};
