/**
 * Builds a scenario's world on a fresh dev chain with real calls, block by block: subnets
 * registered by their owners (per-subnet hyperparameters set by the admin account), validators and
 * miners registered by burn, validator stake added by each validator's coldkey, then blocks until
 * every subnet has run an epoch (so validator permits exist). Anything the chain refuses becomes a
 * SimulationError naming the scenario path that asked for it.
 */
import { type AccountId, RAO_PER_TAO } from '@taonet/primitives';
import {
  type BlockResult,
  type CheckedExtrinsic,
  DEV_HYPERPARAMETERS,
  DEV_NETWORK_PARAMS,
  type GenesisConfig,
  type NetworkParams,
  type SubnetHyperparameters,
  storage,
} from '@taonet/runtime';
import type { ValidatorBehaviour } from '../behaviours/behaviour.js';
import { behaviourFactory } from '../behaviours/registry.js';
import { SimulationError } from '../errors.js';
import { Rng } from '../rng.js';
import type { Scenario, SubnetSpec } from '../scenario/types.js';
import { type ChainEnv, SimChain, simAccount } from './sim-chain.js';

export interface SimValidator {
  readonly name: string;
  readonly coldkey: AccountId;
  readonly hotkey: AccountId;
  readonly uid: number;
  readonly behaviour: ValidatorBehaviour;
  readonly rng: Rng;
}

export interface SimMiner {
  readonly name: string;
  readonly quality: number;
  readonly hotkeys: readonly AccountId[];
  readonly uids: readonly number[];
}

export interface SimSubnet {
  readonly spec: SubnetSpec;
  readonly netuid: number;
  readonly owner: AccountId;
  readonly ownerHotkey: AccountId;
  readonly validators: readonly SimValidator[];
  readonly miners: readonly SimMiner[];
  /** True quality per uid (0 for validators and the owner). */
  readonly quality: readonly number[];
}

export interface World {
  readonly chain: SimChain;
  readonly subnets: readonly SimSubnet[];
  readonly stakers: ReadonlyMap<string, AccountId>;
}

const TAO = RAO_PER_TAO;
/** Free TAO every simulated account keeps for fees and registrations. */
const FEE_RESERVE = 100n * TAO;
const STAKE_SLICES = 32n;
/**
 * The lock, and so each new pool's depth. The dev preset's 10 TAO pool is so shallow that the first
 * thousand TAO staked would buy nearly all its alpha; 10k TAO keeps stakes of that size fair.
 */
const SIM_MIN_LOCK = 10_000n * TAO;

function expectOk(r: BlockResult, paths: readonly string[], what: string): void {
  r.extrinsics.forEach((x, i) => {
    if (!x.ok)
      throw new SimulationError(
        paths[i] ?? '$',
        `the chain refused to ${what}: ${x.error?.code}: ${x.error?.explanation}`,
        x.error?.hint,
      );
  });
}

/** Applies calls in blocks of at most `per`, each call tagged with the scenario path behind it. */
function stepAll(chain: SimChain, calls: readonly [CheckedExtrinsic, string][], what: string, per = 256): void {
  for (let off = 0; off < calls.length; off += per) {
    const batch = calls.slice(off, off + per);
    expectOk(
      chain.step(batch.map(([x]) => x)),
      batch.map(([, p]) => p),
      what,
    );
  }
}

/** The genesis a scenario's chain starts from (a node started from it is the same chain). */
export function scenarioGenesis(sc: Scenario, account: (role: string) => AccountId = simAccount): GenesisConfig {
  const sudo = account('sudo');
  const balances: [AccountId, bigint][] = [[sudo, FEE_RESERVE]];
  const epochs = BigInt(sc.epochs);
  const minLock = (sc.network.networkMinLockCost as bigint | undefined) ?? SIM_MIN_LOCK;
  sc.subnets.forEach((sn) => {
    balances.push([account(`${sn.name}/owner`), 4n * minLock + FEE_RESERVE + sn.ownerBuyback * (epochs + 1n)]);
    for (const v of sn.validators) balances.push([account(`${sn.name}/${v.name}/cold`), v.stake + FEE_RESERVE]);
    for (const m of sn.miners) balances.push([account(`${sn.name}/${m.name}/cold`), FEE_RESERVE * BigInt(m.count)]);
  });
  for (const st of sc.stakers) balances.push([account(`staker/${st.name}`), st.balance + FEE_RESERVE]);
  return {
    sudo,
    balances,
    params: {
      ...DEV_NETWORK_PARAMS,
      subnetLimit: Math.max(DEV_NETWORK_PARAMS.subnetLimit, sc.subnets.length),
      networkMinLockCost: minLock,
      ...(sc.network as Partial<NetworkParams>),
    },
    subnetDefaults: { ...DEV_HYPERPARAMETERS, ...(sc.hyperparameters as Partial<SubnetHyperparameters>) },
  };
}

export function buildWorld(sc: Scenario, env: Partial<ChainEnv> = {}): World {
  const account = env.account ?? simAccount;
  const genesis = scenarioGenesis(sc, account);
  const sudo = genesis.sudo;
  const stakers = new Map(sc.stakers.map((st) => [st.name, account(`staker/${st.name}`)]));
  const chain = new SimChain(genesis, env);

  const subnets: SimSubnet[] = [];
  sc.subnets.forEach((sn, i) => {
    const path = `$.subnets[${i}]`;
    const owner = account(`${sn.name}/owner`);
    const ownerHotkey = account(`${sn.name}/owner/hot`);
    stepAll(chain, [[chain.tx(owner, 'register_network', { hotkey: ownerHotkey }), path]], 'register the subnet');
    const netuid = newestNetuid(chain, owner);
    const uidsNeeded = 1 + sn.validators.length + sn.miners.reduce((a, m) => a + m.count, 0);
    const hps: [string, unknown][] = Object.entries(sn.hyperparameters);
    const max = sn.hyperparameters.maxAllowedUids ?? sc.hyperparameters.maxAllowedUids;
    // Unless the scenario says otherwise: exactly the uids it needs, and a permit for every
    // validator plus the owner's hotkey (which competes for one once owner cuts give it stake).
    const permits = sn.hyperparameters.maxAllowedValidators ?? sc.hyperparameters.maxAllowedValidators;
    if (permits === undefined) hps.unshift(['maxAllowedValidators', sn.validators.length + 1]);
    if (max === undefined) hps.push(['maxAllowedUids', uidsNeeded]);
    else if (Number(max) < uidsNeeded)
      throw new SimulationError(
        `${path}.hyperparameters.maxAllowedUids`,
        `the subnet needs ${uidsNeeded} uids (owner, validators, miners) but allows ${max}`,
      );
    stepAll(
      chain,
      [
        ...hps.map(([name, value]): [CheckedExtrinsic, string] => [
          chain.tx(sudo, 'set_hyperparameter', { netuid, name, value: value as bigint }),
          `${path}.hyperparameters.${name}`,
        ]),
        [chain.tx(owner, 'start_call', { netuid }), path],
      ],
      'configure the subnet',
    );
    // Lock cost decays over blocks; one empty block between subnets keeps it at its floor in dev.
    chain.step();
    subnets.push({
      spec: sn,
      netuid,
      owner,
      ownerHotkey,
      validators: [],
      miners: [],
      quality: [],
    });
  });

  const regs: [CheckedExtrinsic, string][] = [];
  sc.subnets.forEach((sn, i) => {
    const netuid = (subnets[i] as SimSubnet).netuid;
    sn.validators.forEach((v, j) => {
      const cold = account(`${sn.name}/${v.name}/cold`);
      regs.push([
        chain.tx(cold, 'burned_register', { netuid, hotkey: account(`${sn.name}/${v.name}/hot`) }),
        `$.subnets[${i}].validators[${j}]`,
      ]);
    });
    sn.miners.forEach((m, j) => {
      const cold = account(`${sn.name}/${m.name}/cold`);
      for (let k = 0; k < m.count; k++)
        regs.push([
          chain.tx(cold, 'burned_register', { netuid, hotkey: account(`${sn.name}/${m.name}/hot/${k}`) }),
          `$.subnets[${i}].miners[${j}]`,
        ]);
    });
  });
  stepAll(chain, regs, 'register a neuron');

  // Stake goes in interleaved slices, so every validator buys alpha at about the same prices and
  // alpha stake ends up close to proportional to the TAO staked (one big buy each would hand the
  // first validator most of a shallow pool).
  const stakes: [CheckedExtrinsic, string][] = [];
  for (let round = 0n; round < STAKE_SLICES; round++) {
    sc.subnets.forEach((sn, i) => {
      const netuid = (subnets[i] as SimSubnet).netuid;
      sn.validators.forEach((v, j) => {
        const slice = v.stake / STAKE_SLICES + (round === STAKE_SLICES - 1n ? v.stake % STAKE_SLICES : 0n);
        if (slice === 0n) return;
        const cold = account(`${sn.name}/${v.name}/cold`);
        const hotkey = account(`${sn.name}/${v.name}/hot`);
        stakes.push([
          chain.tx(cold, 'add_stake', { netuid, hotkey, amount: slice }),
          `$.subnets[${i}].validators[${j}].stake`,
        ]);
      });
    });
  }
  stepAll(chain, stakes, 'stake', stakes.length);

  const built = subnets.map((s, i) => {
    const sn = sc.subnets[i] as SubnetSpec;
    const keys = chain.state.get(storage.Keys, s.netuid);
    const uidOf = (hotkey: AccountId): number => {
      const uid = keys.indexOf(hotkey);
      if (uid < 0) throw new SimulationError(`$.subnets[${i}]`, 'a registered neuron lost its uid during setup');
      return uid;
    };
    const validators = sn.validators.map((v): SimValidator => {
      const hotkey = account(`${sn.name}/${v.name}/hot`);
      const factory = behaviourFactory(v.behaviour.kind);
      if (factory === undefined) throw new SimulationError(`$.subnets[${i}]`, `unknown behaviour ${v.behaviour.kind}`);
      return {
        name: v.name,
        coldkey: account(`${sn.name}/${v.name}/cold`),
        hotkey,
        uid: uidOf(hotkey),
        behaviour: factory.create(v.behaviour.options, `$.subnets[${i}].validators`),
        rng: new Rng(`${sc.seed}/${sn.name}/${v.name}`),
      };
    });
    const quality = new Array<number>(keys.length).fill(0);
    const miners = sn.miners.map((m): SimMiner => {
      const hotkeys = Array.from({ length: m.count }, (_, k) => account(`${sn.name}/${m.name}/hot/${k}`));
      const uids = hotkeys.map(uidOf);
      for (const u of uids) quality[u] = m.quality;
      return { name: m.name, quality: m.quality, hotkeys, uids };
    });
    return { ...s, validators, miners, quality };
  });

  // Every subnet runs one epoch before the scenario starts, so permits reflect the stake.
  const started = new Set<number>();
  for (let guard = 0; started.size < built.length; guard++) {
    if (guard > 200_000) throw new SimulationError('$', 'no epoch ran during setup');
    for (const e of chain.step().events) if (e.name === 'EpochRun') started.add(Number(e.data.netuid));
  }
  return { chain, subnets: built, stakers };
}

function newestNetuid(chain: SimChain, owner: AccountId): number {
  const mine = chain.state.value(storage.Netuids).filter((n) => chain.state.get(storage.SubnetOwner, n) === owner);
  const last = mine[mine.length - 1];
  if (last === undefined) throw new SimulationError('$.subnets', 'register_network left no subnet');
  return last;
}
