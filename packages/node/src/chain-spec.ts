/**
 * Chain specs: everything that defines a chain before its first block — name, authorities,
 * block time, and the genesis (admin, balances, network parameters, subnet defaults, the limits on
 * owners' setters). Written as JSON with amounts as decimal strings. The genesis hash identifies the chain; transactions sign it.
 */
import {
  type AccountId,
  accountFromBytes,
  DEV_BEACON_PUBLIC_KEY,
  DEV_BEACON_SCHEDULE,
  drandChainHash,
  isAccountId,
  RAO_PER_TAO,
  toHex,
} from '@taonet/primitives';
import {
  DEFAULT_HYPERPARAMETERS,
  DEFAULT_NETWORK_PARAMS,
  DEV_HYPERPARAMETERS,
  DEV_NETWORK_PARAMS,
  type GenesisBeacon,
  type GenesisConfig,
  type GenesisRootStake,
  type NetworkParams,
  type SubnetHyperparameters,
} from '@taonet/runtime';
import { devKeypair } from './crypto.js';

export interface ChainSpec {
  readonly name: string;
  readonly id: string;
  /** Target time between blocks (ms). */
  readonly blockTimeMs: number;
  /** Public keys allowed to author blocks, in slot order. */
  readonly authorities: readonly AccountId[];
  readonly genesis: GenesisConfig;
}

export class ChainSpecError extends Error {
  override readonly name = 'ChainSpecError';
}

export const DEV_ACCOUNTS = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'] as const;

export function devAccount(name: string): AccountId {
  return accountFromBytes(devKeypair(`//${name}`).publicKey);
}

/**
 * The dev chain's root validator (coldkey `//RootValidator`, hotkey `//RootValidator//hot`) and its
 * stake on root. Without root stake every subnet's root proportion is 0, so none of its TAO
 * emission may be injected at the price: all of it buys alpha, every block, and prices run away.
 * With it, a subnet's emission enters its pool as TAO and alpha at the current price while
 * `root proportion × alpha emission ≥ TAO emission / price`, and prices move with trades, as on the
 * real network. 250,000 TAO at the reference TaoWeight (0.0527) weighs as 13,171 alpha: a young
 * subnet's root proportion starts above 0.9 (the real network's new subnets are in that range),
 * is about 0.8 after 2,000 blocks and falls as its alpha issuance grows (about 0.4 after an hour
 * of 250 ms blocks, when the cap starts to bind for a 1 τ/α localnet pool).
 */
export const DEV_ROOT_VALIDATOR = 'RootValidator';
export const DEV_ROOT_STAKE = 250_000n * RAO_PER_TAO;

/**
 * The dev beacon (primitives `dev-beacon.ts`: a published seed, INSECURE, dev and local chains
 * only): quicknet's scheme and 3 s rounds from unix time 0. Its chain hash is drand's rule over
 * its key and schedule, with no group hash and beacon id "taonet-dev".
 */
export const DEV_BEACON: GenesisBeacon = {
  publicKey: toHex(DEV_BEACON_PUBLIC_KEY),
  genesisTime: DEV_BEACON_SCHEDULE.genesisTime,
  period: DEV_BEACON_SCHEDULE.period,
  chainHash: toHex(
    drandChainHash({
      publicKey: DEV_BEACON_PUBLIC_KEY,
      period: DEV_BEACON_SCHEDULE.period,
      genesisTime: DEV_BEACON_SCHEDULE.genesisTime,
      groupHash: new Uint8Array(0),
      beaconId: 'taonet-dev',
    }),
  ),
};

/**
 * The dev chain: //Alice authors and is admin; the six dev accounts hold 1,000,000 TAO each; the
 * root validator holds `DEV_ROOT_STAKE` on root (plus 1 TAO free).
 */
export function devChainSpec(blockTimeMs = 250): ChainSpec {
  const rootCold = devAccount(DEV_ROOT_VALIDATOR);
  return {
    name: 'Taonet Dev',
    id: 'taonet-dev',
    blockTimeMs,
    authorities: [devAccount('Alice')],
    genesis: {
      sudo: devAccount('Alice'),
      balances: [
        ...DEV_ACCOUNTS.map((n) => [devAccount(n), 1_000_000n * RAO_PER_TAO] as const),
        [rootCold, DEV_ROOT_STAKE + RAO_PER_TAO] as const,
      ],
      params: DEV_NETWORK_PARAMS,
      subnetDefaults: DEV_HYPERPARAMETERS,
      rootStake: [{ coldkey: rootCold, hotkey: devAccount(`${DEV_ROOT_VALIDATOR}//hot`), amount: DEV_ROOT_STAKE }],
      beacon: DEV_BEACON,
    },
  };
}

/** A local multi-purpose spec with the reference chain's parameters (12 s blocks). */
export function localChainSpec(): ChainSpec {
  const dev = devChainSpec(12_000);
  return {
    ...dev,
    name: 'Taonet Local',
    id: 'taonet-local',
    genesis: { ...dev.genesis, params: DEFAULT_NETWORK_PARAMS, subnetDefaults: DEFAULT_HYPERPARAMETERS },
  };
}

const jsonReplacer = (_k: string, v: unknown): unknown => (typeof v === 'bigint' ? v.toString() : v);

export function chainSpecToJson(spec: ChainSpec): string {
  return `${JSON.stringify(spec, jsonReplacer, 2)}\n`;
}

/** Reads values of `sample`'s types from JSON (bigints come as decimal strings). */
function typed<T extends object>(sample: T, raw: unknown, what: string): Partial<T> {
  if (raw === undefined) return {};
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    throw new ChainSpecError(`${what} must be an object`);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (!Object.hasOwn(sample, k)) throw new ChainSpecError(`${what}.${k} is not a known field`);
    const want = typeof (sample as Record<string, unknown>)[k];
    if (want === 'bigint') {
      if (typeof v !== 'string' || !/^\d+$/.test(v)) throw new ChainSpecError(`${what}.${k} must be a decimal string`);
      out[k] = BigInt(v);
    } else if (typeof v !== want) {
      throw new ChainSpecError(`${what}.${k} must be a ${want}`);
    } else {
      out[k] = v;
    }
  }
  return out as Partial<T>;
}

export function chainSpecFromJson(text: string): ChainSpec {
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(text) as Record<string, unknown>;
  } catch (e) {
    throw new ChainSpecError(`chain spec is not JSON: ${(e as Error).message}`);
  }
  const g = raw.genesis as Record<string, unknown> | undefined;
  if (typeof raw.name !== 'string' || typeof raw.id !== 'string') throw new ChainSpecError('name and id are required');
  if (typeof raw.blockTimeMs !== 'number' || raw.blockTimeMs < 10)
    throw new ChainSpecError('blockTimeMs must be a number ≥ 10');
  if (!Array.isArray(raw.authorities) || raw.authorities.length === 0 || !raw.authorities.every(isAccountId)) {
    throw new ChainSpecError('authorities must be a non-empty list of 0x public keys');
  }
  if (g === undefined || !isAccountId(g.sudo)) throw new ChainSpecError('genesis.sudo must be an account id');
  if (!Array.isArray(g.balances)) throw new ChainSpecError('genesis.balances must be a list of [account, amount]');
  const balances = g.balances.map((b, i) => {
    if (!Array.isArray(b) || !isAccountId(b[0]) || typeof b[1] !== 'string' || !/^\d+$/.test(b[1])) {
      throw new ChainSpecError(`genesis.balances[${i}] must be ["0x…", "amount in rao"]`);
    }
    return [b[0], BigInt(b[1])] as const;
  });
  const rootStake = g.rootStake === undefined ? undefined : parseRootStake(g.rootStake);
  const beacon = g.beacon === undefined ? undefined : parseBeacon(g.beacon);
  const ownerLimits = parseOwnerLimits(g);
  const params = typed<NetworkParams>(DEFAULT_NETWORK_PARAMS, g.params, 'genesis.params');
  const subnetDefaults = typed<SubnetHyperparameters>(
    DEFAULT_HYPERPARAMETERS,
    g.subnetDefaults,
    'genesis.subnetDefaults',
  );
  return {
    name: raw.name,
    id: raw.id,
    blockTimeMs: raw.blockTimeMs,
    authorities: raw.authorities as AccountId[],
    genesis: {
      sudo: g.sudo,
      balances,
      params,
      subnetDefaults,
      ...(rootStake === undefined ? {} : { rootStake }),
      ...(beacon === undefined ? {} : { beacon }),
      ...ownerLimits,
    },
  };
}

/** subtensor's AdminFreezeWindow and OwnerHyperparamRateLimit, when the spec sets them (u16 each). */
function parseOwnerLimits(
  g: Record<string, unknown>,
): Pick<GenesisConfig, 'adminFreezeWindow' | 'ownerHyperparamRateLimit'> {
  const out: { adminFreezeWindow?: number; ownerHyperparamRateLimit?: number } = {};
  for (const k of ['adminFreezeWindow', 'ownerHyperparamRateLimit'] as const) {
    const v = g[k];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 0xffff)
      throw new ChainSpecError(`genesis.${k} must be an integer in 0..65535`);
    out[k] = v;
  }
  return out;
}

function parseBeacon(raw: unknown): GenesisBeacon {
  const shape =
    'genesis.beacon must be {"publicKey": "0x… (96 bytes)", "genesisTime": "unix s", "period": "s", "chainHash": "0x… (32 bytes)"}';
  const b = raw as Record<string, unknown> | null;
  const hex = (v: unknown, bytes: number) =>
    typeof v === 'string' && new RegExp(`^0x[0-9a-fA-F]{${2 * bytes}}$`).test(v);
  const dec = (v: unknown) => typeof v === 'string' && /^\d+$/.test(v);
  if (b === null || typeof b !== 'object' || !hex(b.publicKey, 96) || !hex(b.chainHash, 32))
    throw new ChainSpecError(shape);
  if (!dec(b.genesisTime) || !dec(b.period) || b.period === '0') throw new ChainSpecError(shape);
  return {
    publicKey: b.publicKey as string,
    chainHash: b.chainHash as string,
    genesisTime: BigInt(b.genesisTime as string),
    period: BigInt(b.period as string),
  };
}

function parseRootStake(raw: unknown): GenesisRootStake[] {
  const shape = 'genesis.rootStake must be a list of {"coldkey": "0x…", "hotkey": "0x…", "amount": "rao"}';
  if (!Array.isArray(raw)) throw new ChainSpecError(shape);
  return raw.map((r: unknown, i) => {
    const e = r as Record<string, unknown> | null;
    if (
      e === null ||
      typeof e !== 'object' ||
      !isAccountId(e.coldkey) ||
      !isAccountId(e.hotkey) ||
      typeof e.amount !== 'string' ||
      !/^\d+$/.test(e.amount)
    )
      throw new ChainSpecError(`genesis.rootStake[${i}]: ${shape}`);
    return { coldkey: e.coldkey, hotkey: e.hotkey, amount: BigInt(e.amount) };
  });
}
