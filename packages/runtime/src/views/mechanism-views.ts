/**
 * A subnet's mechanisms for RPC readers: how many, the owner's split (null = even) and the split in
 * effect as u16 parts, and how the alpha waiting for the next epoch will be shared between them.
 */
import { splitEmissions } from '../mechanisms/emission-split.js';
import type { State } from '../state/state.js';
import { mechanismCount } from '../subnets/mechanism-index.js';
import {
  Hyperparameters,
  MaxMechanismCount,
  MechanismEmissionSplit,
  PendingRootAlphaDivs,
  PendingServerEmission,
  PendingValidatorEmission,
  SubnetAlphaOutEmission,
} from '../subnets/storage.js';

export interface MechanismInfo {
  readonly netuid: number;
  readonly count: number;
  /** The network-wide maximum an owner may set. */
  readonly maxCount: number;
  /** The owner's split, u16 parts summing to 65535; null = even. */
  readonly split: number[] | null;
  /** The split in effect, one u16 part per mechanism (the even split's remainder to mechanism 0). */
  readonly effectiveSplit: number[];
  /** Alpha (rao) accumulated for the next epoch, as each mechanism will receive it. */
  readonly pendingEmission: bigint[];
  /** Last block's alpha emission to the subnet's participants (rao), shared the same way. */
  readonly blockEmission: bigint[];
}

export function mechanismInfo(s: State, netuid: number): MechanismInfo | null {
  if (s.get(Hyperparameters, netuid) === null) return null;
  const count = mechanismCount(s, netuid);
  const split = s.get(MechanismEmissionSplit, netuid);
  const pending =
    s.get(PendingServerEmission, netuid) +
    s.get(PendingValidatorEmission, netuid) +
    s.get(PendingRootAlphaDivs, netuid);
  return {
    netuid,
    count,
    maxCount: s.value(MaxMechanismCount),
    split: split === null ? null : [...split],
    effectiveSplit: splitEmissions(65535n, count, split).map(Number),
    pendingEmission: splitEmissions(pending, count, split),
    blockEmission: splitEmissions(s.get(SubnetAlphaOutEmission, netuid), count, split),
  };
}
