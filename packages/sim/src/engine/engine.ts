/**
 * Runs a scenario on the runtime's own block step and dispatch. Once per epoch of each subnet the
 * engine records what the epoch paid, shows every validator the chain as it stands, and queues the
 * calls that follow — weights (or commit and reveal), owner buybacks, staker flows, whale moves —
 * for the next block. Every block goes through `applyBlock`.
 *
 * Two modes give the identical chain (the tests compare state digests at every epoch): `full`
 * applies every block with `applyBlock`, checks the runtime's invariants and samples every subnet's
 * pool after each; `fast` hands the empty blocks between epochs to the runtime's `applyQuietBlocks`
 * in one call, which runs the same per-block arithmetic without the block machinery around it.
 */
import type { AccountId } from '@taonet/primitives';
import { type CheckedExtrinsic, checkInvariants, type State, stateDigest, storage, views } from '@taonet/runtime';
import { SimulationError } from '../errors.js';
import type { Scenario, StakerSpec } from '../scenario/types.js';
import { fixedToNumber, observeEpoch, subnetSight, validatorView } from './observe.js';
import {
  type BlockSample,
  type EntityEpoch,
  type Failure,
  type SimResult,
  type SubnetEpoch,
  totalsOf,
} from './records.js';
import type { ChainEnv, SimChain } from './sim-chain.js';
import { commitFor, type PendingReveal, toU16 } from './weights-call.js';
import { buildWorld, type SimSubnet, type World } from './world.js';

export type SimMode = 'fast' | 'full';

/** At most this many blocks in one quiet run: an epoch of the longest tempo (u16) fits. */
const QUIET_RUN_LIMIT = 65_536n;

export interface RunOptions {
  readonly mode?: SimMode;
  /** Called after every recorded epoch with epochs done and the total to do. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Accounts, author, headers and extrinsic sizes from outside (default: the simulator's own). */
  readonly env?: Partial<ChainEnv>;
  /** Sees the final chain state (e.g. to compute a node's Merkle state root over it). */
  readonly inspect?: (state: State) => void;
  /** Sees the chain state at every recorded epoch, right after the block that ran it. */
  readonly onEpoch?: (
    at: { readonly subnet: string; readonly epoch: number; readonly block: number },
    state: State,
  ) => void;
}

interface Ctx {
  readonly sc: Scenario;
  readonly world: World;
  readonly reveals: Map<string, PendingReveal[]>;
}

function subnetByName(world: World, name: string): SimSubnet {
  const sn = world.subnets.find((s) => s.spec.name === name);
  if (sn === undefined) throw new SimulationError('$.stakers', `no subnet '${name}'`);
  return sn;
}

/** The hotkey a staker's stake on `sn` goes to: its delegate there, else that subnet's first validator. */
function stakeHotkey(st: StakerSpec, sn: SimSubnet): AccountId {
  const [subnet, validator] = st.delegate.split('/');
  const v = sn.validators.find((x) => subnet === sn.spec.name && x.name === validator) ?? sn.validators[0];
  if (v === undefined) throw new SimulationError('$.stakers', `subnet '${sn.spec.name}' has no validator to stake to`);
  return v.hotkey;
}

function alphaOf(chain: SimChain, coldkey: AccountId, hotkey: AccountId, netuid: number): bigint {
  return (
    views.stakePositions(chain.state, coldkey).find((p) => p.hotkey === hotkey && p.netuid === netuid)?.alpha ?? 0n
  );
}

const share = (amount: bigint, f: number): bigint => (amount * BigInt(Math.round(f * 1e9))) / 1_000_000_000n;

function validatorCalls(c: Ctx, sn: SimSubnet, epoch: number): CheckedExtrinsic[] {
  const { chain } = c.world;
  const hp = chain.state.get(storage.Hyperparameters, sn.netuid);
  if (hp === null) throw new SimulationError('$.subnets', `subnet ${sn.netuid} is gone`);
  const xs: CheckedExtrinsic[] = [];
  const sight = subnetSight(chain.state, sn, epoch);
  for (const v of sn.validators) {
    const key = `${sn.netuid}/${v.name}`;
    const queue = c.reveals.get(key) ?? [];
    if (hp.commitRevealEnabled)
      while (queue.length > 0 && (queue[0] as PendingReveal).dueEpoch <= epoch) {
        const r = queue.shift() as PendingReveal;
        if (r.dueEpoch === epoch) xs.push(chain.tx(v.hotkey, 'reveal_weights', { ...r.args }));
      }
    const w = v.behaviour.weights(validatorView(sight, v));
    const u16 = w === null ? null : toU16(w);
    if (u16 === null) continue;
    if (hp.commitRevealEnabled) {
      const { hash, args } = commitFor(v.hotkey, sn.netuid, u16, hp.weightsVersionKey, v.rng);
      xs.push(chain.tx(v.hotkey, 'commit_weights', { netuid: sn.netuid, hash }));
      queue.push({ dueEpoch: epoch + hp.revealPeriodEpochs, args });
      c.reveals.set(key, queue);
    } else {
      xs.push(chain.tx(v.hotkey, 'set_weights', { netuid: sn.netuid, ...u16, versionKey: hp.weightsVersionKey }));
    }
  }
  return xs;
}

function stakerCalls(c: Ctx, sn: SimSubnet, epoch: number, first: boolean): CheckedExtrinsic[] {
  const { chain } = c.world;
  const xs: CheckedExtrinsic[] = [];
  for (const st of c.sc.stakers) {
    const who = c.world.stakers.get(st.name) as AccountId;
    for (const f of st.flows) {
      if (f.epoch !== epoch || f.subnet !== sn.spec.name) continue;
      const hotkey = stakeHotkey(st, sn);
      if (f.action === 'stake') {
        const amount = BigInt(Math.round(f.amount * 1e9));
        xs.push(chain.tx(who, 'add_stake', { hotkey, netuid: sn.netuid, amount }));
      } else {
        const amount = share(alphaOf(chain, who, hotkey, sn.netuid), f.amount);
        if (amount === 0n) continue;
        if (f.action === 'unstake') xs.push(chain.tx(who, 'remove_stake', { hotkey, netuid: sn.netuid, amount }));
        else {
          const dest = subnetByName(c.world, f.to as string);
          xs.push(
            chain.tx(who, 'move_stake', {
              originHotkey: hotkey,
              destHotkey: stakeHotkey(st, dest),
              originNetuid: sn.netuid,
              destNetuid: dest.netuid,
              amount,
            }),
          );
        }
      }
    }
    // Whales act on the first subnet's clock.
    if (first && st.policy !== null && epoch > 0 && epoch % st.policy.every === 0) xs.push(...whaleMoves(c, st, who));
  }
  return xs;
}

/** Moves every position of a whale to the subnet its policy prefers now. */
function whaleMoves(c: Ctx, st: StakerSpec, who: AccountId): CheckedExtrinsic[] {
  const { chain, subnets } = c.world;
  const block = chain.block;
  const score = (sn: SimSubnet): number => {
    const info = views.dynamicInfo(chain.state, sn.netuid, block);
    if (info === null) return -1;
    return st.policy?.kind === 'chase-price' ? fixedToNumber(info.price, 64n) : Number(info.emissionShare);
  };
  let best = subnets[0] as SimSubnet;
  for (const sn of subnets) if (score(sn) > score(best)) best = sn;
  const xs: CheckedExtrinsic[] = [];
  for (const p of views.stakePositions(chain.state, who)) {
    if (p.netuid === best.netuid || p.alpha === 0n) continue;
    xs.push(
      chain.tx(who, 'move_stake', {
        originHotkey: p.hotkey,
        destHotkey: stakeHotkey(st, best),
        originNetuid: p.netuid,
        destNetuid: best.netuid,
        amount: p.alpha,
      }),
    );
  }
  return xs;
}

function callsAfterEpoch(c: Ctx, sn: SimSubnet, epoch: number): CheckedExtrinsic[] {
  const xs = validatorCalls(c, sn, epoch);
  if (sn.spec.ownerBuyback > 0n)
    xs.push(
      c.world.chain.tx(sn.owner, 'add_stake', {
        hotkey: sn.ownerHotkey,
        netuid: sn.netuid,
        amount: sn.spec.ownerBuyback,
      }),
    );
  xs.push(...stakerCalls(c, sn, epoch, sn === c.world.subnets[0]));
  return xs;
}

export function runScenario(sc: Scenario, opts: RunOptions = {}): SimResult {
  const mode = opts.mode ?? 'fast';
  const world = buildWorld(sc, opts.env);
  const { chain } = world;
  const c: Ctx = { sc, world, reveals: new Map() };
  const byNetuid = new Map(world.subnets.map((s) => [s.netuid, s]));
  const done = new Map(world.subnets.map((s) => [s.netuid, 0]));
  const total = sc.epochs * world.subnets.length;
  let recorded = 0;
  const entities: EntityEpoch[] = [];
  const subnets: SubnetEpoch[] = [];
  const perBlock: BlockSample[] = [];
  const failures: Failure[] = [];
  const startBlock = chain.block;
  let quietBlocks = 0n;

  let next: CheckedExtrinsic[] = world.subnets.flatMap((sn) => callsAfterEpoch(c, sn, 0));
  while (recorded < total) {
    const xs = next;
    next = [];
    // Fast mode hands the blocks up to the next epoch (which carry no calls) to the runtime at once.
    if (mode === 'fast' && xs.length === 0) quietBlocks += chain.skipQuiet(QUIET_RUN_LIMIT);
    const r = chain.step(xs);
    const block = Number(chain.block);
    r.extrinsics.forEach((x, i) => {
      if (x.ok) return;
      const call = xs[i] as CheckedExtrinsic;
      failures.push({
        block,
        signer: call.signer,
        method: call.call.method,
        code: x.error?.code ?? '?',
        explanation: x.error?.explanation ?? '',
      });
    });
    if (mode === 'full') {
      const broken = checkInvariants(chain.state);
      if (broken.length > 0)
        throw new SimulationError('$', `a runtime invariant broke at block ${block}: ${broken[0]}`);
      for (const sn of world.subnets) {
        const info = views.dynamicInfo(chain.state, sn.netuid, chain.block);
        if (info !== null)
          perBlock.push({ block, subnet: sn.spec.name, price: fixedToNumber(info.price, 64n), taoIn: info.taoIn });
      }
    }
    for (const e of r.events) {
      if (e.name !== 'EpochRun') continue;
      const sn = byNetuid.get(Number(e.data.netuid));
      const k = sn === undefined ? undefined : done.get(sn.netuid);
      if (sn === undefined || k === undefined || k >= sc.epochs) continue;
      const o = observeEpoch(chain.state, sn, k, block, BigInt(e.data.emission as bigint));
      entities.push(...o.entities);
      if (sc.record.includes('subnet')) subnets.push(o.subnet);
      done.set(sn.netuid, k + 1);
      recorded++;
      opts.onProgress?.(recorded, total);
      opts.onEpoch?.({ subnet: sn.spec.name, epoch: k, block }, chain.state);
      if (k + 1 < sc.epochs) next.push(...callsAfterEpoch(c, sn, k + 1));
    }
  }
  opts.inspect?.(chain.state);
  return {
    scenario: sc.name,
    mode,
    recorded: sc.record,
    seed: sc.seed,
    epochs: sc.epochs,
    blocks: Number(chain.block - startBlock),
    quietBlocks: Number(quietBlocks),
    digest: stateDigest(chain.state),
    entities,
    subnets,
    perBlock,
    failures,
    stakers: sc.stakers.map((st) => {
      const who = world.stakers.get(st.name) as AccountId;
      return {
        staker: st.name,
        free: views.accountInfo(chain.state, who).free,
        positions: views.stakePositions(chain.state, who).map((p) => ({
          subnet: byNetuid.get(p.netuid)?.spec.name ?? `netuid ${p.netuid}`,
          netuid: p.netuid,
          alpha: p.alpha,
          taoValue: p.taoValue,
        })),
      };
    }),
    totals: totalsOf(entities),
  };
}
