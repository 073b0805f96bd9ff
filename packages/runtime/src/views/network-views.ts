/** Chain-wide totals and parameters. */
import { TotalIssuance, TotalRecycled } from '../balances/storage.js';
import type { NetworkParams } from '../params/network-params.js';
import { Params } from '../params/storage.js';
import type { State } from '../state/state.js';
import { TotalStake } from '../staking/storage.js';
import { Netuids } from '../subnets/storage.js';

export interface NetworkInfo {
  readonly totalIssuance: bigint;
  readonly totalStake: bigint;
  readonly totalRecycled: bigint;
  readonly params: NetworkParams;
  readonly subnets: readonly number[];
}

export function networkInfo(s: State): NetworkInfo {
  return {
    totalIssuance: s.value(TotalIssuance),
    totalStake: s.value(TotalStake),
    totalRecycled: s.value(TotalRecycled),
    params: s.value(Params),
    subnets: s.value(Netuids),
  };
}
