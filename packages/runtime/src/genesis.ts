/**
 * The genesis state: prefunded accounts, the admin account, network parameters, the defaults for
 * new subnets, the limits on owners' setters, and the root subnet (netuid 0, a stable pool of root stake), optionally with root
 * validators already staked. Root stake is what makes the chain inject TAO and alpha into pools at
 * the price instead of buying alpha with every block's emission (see `coinbase/root-proportion.ts`).
 */
import { type AccountId, decodeBeaconPublicKey, DrandError, MAX_TAO_SUPPLY, tryFromHex } from '@taonet/primitives';
import { BeaconConfig } from './drand/storage.js';
import { Accounts, GenesisIssuance, TotalIssuance } from './balances/storage.js';
import { callDef } from './block/calls.js';
import { RuntimeError } from './errors.js';
import { DEFAULT_HYPERPARAMETERS, type SubnetHyperparameters } from './params/hyperparameters.js';
import { DEFAULT_NETWORK_PARAMS, type NetworkParams } from './params/network-params.js';
import { NewSubnetHyperparameters, Params, SudoKey } from './params/storage.js';
import { State } from './state/state.js';
import { Ctx } from './system/context.js';
import { RegistrationsThisBlock } from './neurons/storage.js';
import { ROOT_NETUID } from './subnets/root-netuid.js';
import {
  AdminFreezeWindow,
  Hyperparameters,
  Mechanism,
  Netuids,
  OwnerHyperparamRateLimit,
  SubtokenEnabled,
  TokenSymbol,
} from './subnets/storage.js';

export interface GenesisConfig {
  /** The admin (sudo) account. */
  readonly sudo: AccountId;
  /** Prefunded free balances (rao). */
  readonly balances: readonly (readonly [AccountId, bigint])[];
  readonly params?: Partial<NetworkParams>;
  /** Hyperparameters for subnets created after genesis. */
  readonly subnetDefaults?: Partial<SubnetHyperparameters>;
  /**
   * Root validators at genesis: each hotkey joins the root subnet and `amount` rao of its coldkey's
   * prefunded balance is staked on it, through the same `root_register` and `add_stake` calls a
   * user would make (without fees).
   */
  readonly rootStake?: readonly GenesisRootStake[];
  /** The drand-style beacon whose pulses blocks carry (none: no pulses, no timelocked commits). */
  readonly beacon?: GenesisBeacon;
  /** Blocks before each epoch in which subnet owners may not change their subnet (u16; default 10, subtensor's). */
  readonly adminFreezeWindow?: number;
  /** Tempos between two owner changes of one hyperparameter (u16; default 2, subtensor's). */
  readonly ownerHyperparamRateLimit?: number;
}

export interface GenesisBeacon {
  /** Compressed G2 public key, 0x hex (96 bytes). */
  readonly publicKey: string;
  /** Unix seconds of round 1. */
  readonly genesisTime: bigint;
  /** Seconds between rounds. */
  readonly period: bigint;
  /** drand's chain hash, 0x hex (32 bytes). */
  readonly chainHash: string;
}

export interface GenesisRootStake {
  readonly coldkey: AccountId;
  readonly hotkey: AccountId;
  /** TAO (rao) moved from the coldkey's genesis balance to root stake on the hotkey. */
  readonly amount: bigint;
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
  for (const r of cfg.rootStake ?? []) stakeOnRoot(s, r);
  if (cfg.beacon !== undefined) s.put(BeaconConfig, beaconConfig(cfg.beacon));
  // Left out, they keep subtensor's defaults, which state does not store (the genesis hash keeps).
  if (cfg.adminFreezeWindow !== undefined)
    s.put(AdminFreezeWindow, genesisU16(cfg.adminFreezeWindow, 'adminFreezeWindow'));
  if (cfg.ownerHyperparamRateLimit !== undefined)
    s.put(OwnerHyperparamRateLimit, genesisU16(cfg.ownerHyperparamRateLimit, 'ownerHyperparamRateLimit'));
  return s;
}

function genesisU16(v: number, what: string): number {
  if (!Number.isInteger(v) || v < 0 || v > 0xffff)
    throw new GenesisError(`genesis.${what} must be an integer in 0..65535`);
  return v;
}

function beaconConfig(b: GenesisBeacon) {
  const publicKey = tryFromHex(b.publicKey);
  const chainHash = tryFromHex(b.chainHash);
  if (publicKey === null) throw new GenesisError('genesis.beacon.publicKey must be 0x hex');
  try {
    decodeBeaconPublicKey(publicKey);
  } catch (e) {
    if (e instanceof DrandError) throw new GenesisError(`genesis.beacon.publicKey: ${e.message}`);
    throw e;
  }
  if (chainHash === null || chainHash.length !== 32)
    throw new GenesisError('genesis.beacon.chainHash must be 32 bytes of 0x hex');
  if (b.period <= 0n || b.genesisTime < 0n)
    throw new GenesisError('genesis.beacon needs a positive period and genesisTime ≥ 0');
  return { publicKey, chainHash, genesisTime: b.genesisTime, period: b.period };
}

/** Runs `root_register` then `add_stake` on root for one genesis root validator, fee-free. */
function stakeOnRoot(s: State, r: GenesisRootStake): void {
  const ctx = new Ctx(s, { number: 0n, parentHash: `0x${'0'.repeat(64)}`, author: null, timestamp: 0n });
  const run = (method: string, args: Record<string, unknown>): void => {
    const def = callDef(method);
    if (def === undefined) throw new GenesisError(`genesis needs the ${method} call`);
    try {
      def.run(ctx, r.coldkey, def.parse(args));
    } catch (e) {
      if (e instanceof RuntimeError) throw new GenesisError(`genesis root stake for ${r.hotkey}: ${e.message}`);
      throw e;
    }
  };
  run('root_register', { hotkey: r.hotkey });
  run('add_stake', { hotkey: r.hotkey, netuid: ROOT_NETUID, amount: r.amount });
  // Genesis is not a block: the per-block root admission counter starts the chain at zero.
  s.remove(RegistrationsThisBlock, ROOT_NETUID);
}
