/**
 * The genesis state: prefunded accounts, the admin account, network parameters, the defaults for
 * new subnets, and the root subnet (netuid 0, a stable pool of root stake).
 */
import { type AccountId, MAX_TAO_SUPPLY } from '@taonet/primitives';
import { Accounts, GenesisIssuance, TotalIssuance } from './balances/storage.js';
import { DEFAULT_HYPERPARAMETERS, type SubnetHyperparameters } from './params/hyperparameters.js';
import { DEFAULT_NETWORK_PARAMS, type NetworkParams } from './params/network-params.js';
import { NewSubnetHyperparameters, Params, SudoKey } from './params/storage.js';
import { State } from './state/state.js';
import { ROOT_NETUID } from './subnets/root-netuid.js';
import { Hyperparameters, Mechanism, Netuids, SubtokenEnabled, TokenSymbol } from './subnets/storage.js';

export interface GenesisConfig {
  /** The admin (sudo) account. */
  readonly sudo: AccountId;
  /** Prefunded free balances (rao). */
  readonly balances: readonly (readonly [AccountId, bigint])[];
  readonly params?: Partial<NetworkParams>;
  /** Hyperparameters for subnets created after genesis. */
  readonly subnetDefaults?: Partial<SubnetHyperparameters>;
}

export class GenesisError extends Error {
  override readonly name = 'GenesisError';
}

export function genesisState(cfg: GenesisConfig): State {
  const s = new State();
  const params = { ...DEFAULT_NETWORK_PARAMS, ...cfg.params };
  s.put(Params, params);
  s.put(SudoKey, cfg.sudo);
  s.put(NewSubnetHyperparameters, { ...DEFAULT_HYPERPARAMETERS, ...cfg.subnetDefaults });
  let issuance = 0n;
  const seen = new Set<string>();
  for (const [who, amount] of cfg.balances) {
    if (seen.has(who)) throw new GenesisError(`account ${who} is funded twice`);
    if (amount < 0n) throw new GenesisError(`negative balance for ${who}`);
    seen.add(who);
    issuance += amount;
    if (amount > 0n) s.set(Accounts, who, { free: amount, nonce: 0n });
  }
  if (issuance > MAX_TAO_SUPPLY) throw new GenesisError('genesis balances exceed the 21M TAO cap');
  s.put(TotalIssuance, issuance);
  s.put(GenesisIssuance, issuance);
  s.put(Netuids, [ROOT_NETUID]);
  s.set(Mechanism, ROOT_NETUID, 0);
  s.set(SubtokenEnabled, ROOT_NETUID, true);
  s.set(TokenSymbol, ROOT_NETUID, 'τ');
  s.set(Hyperparameters, ROOT_NETUID, {
    ...DEFAULT_HYPERPARAMETERS,
    tempo: 100,
    maxAllowedUids: params.rootMaxUids,
    maxAllowedValidators: params.rootMaxUids,
    minAllowedWeights: 0,
    commitRevealEnabled: false,
    registrationAllowed: false,
  });
  return s;
}
