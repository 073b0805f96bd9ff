/**
 * Many empty blocks at once, for the simulator's fast mode: the state `applyQuietBlocks` leaves is
 * exactly the state that `applyBlock` with no extrinsics, once per block, would leave.
 *
 * A block is quiet when, carrying no extrinsics, its step can only do the routine: registration
 * prices decay, the emission is minted and injected (swaps, accumulators, TaoFlow EMAs, records),
 * `BlocksSinceLastStep` counts up, price EMAs move. It is not quiet when an epoch is due (or
 * pending) on any subnet, when pending child keys may apply (an epoch ran at that block), or when
 * any coldkey stakes on root (auto-claims may swap), or while timelocked weight commits or
 * commitment fields wait for their reveal (a block's step may reveal them). A quiet run changes nothing any of those
 * checks read, so they are decided once per block from values held in memory.
 *
 * Nothing here is batched across blocks: each swap, EMA step and rounding happens per block, in the
 * block step's order, through the same pure functions (`runCoinbase`, `taoFlowStep`,
 * `updateMovingPrice`, `decayBurn`, `blockEmissionForIssuance`). What a quiet run saves is the rest:
 * storage reads and writes (each item is read once and written once), the journal, contexts,
 * events, and the epoch scheduling lookups. `test/quiet-blocks.property.test.ts` compares it with
 * block-by-block application on random chains.
 */
import { MAX_TAO_SUPPLY } from '@taonet/primitives';
import { TotalIssuance, TotalMinted, TotalRecycled } from '../balances/storage.js';
import { TimelockedIndex } from '../commitments/storage.js';
import { TimelockedWeightCommits } from '../weights/storage.js';
import {
  emittingSubnets,
  loadFlows,
  loadSubnet,
  type SubnetFlows,
  saveFlows,
  saveSubnet,
  taoFlowStep,
  taoFromShare,
} from '../coinbase/coinbase-state.js';
import { blockEmissionForIssuance } from '../coinbase/block-emission.js';
import { updateMovingPrice } from '../coinbase/moving-price.js';
import { type CoinbaseSubnet, runCoinbase } from '../coinbase/run-coinbase.js';
import type { NetworkParams } from '../params/network-params.js';
import { burnParamsOf, cachedDecayFactor } from '../neurons/burn-params.js';
import { Burn, RegistrationsThisBlock } from '../neurons/storage.js';
import { BlockNumber, ParentHash, Params, Timestamp } from '../params/storage.js';
import { decayBurn } from '../registration/burn-price.js';
import { RootStakingColdkeys } from '../root/storage.js';
import type { State } from '../state/state.js';
import { TotalStake } from '../staking/storage.js';
import { type EpochScheduleState, shouldRunEpoch } from '../subnets/epoch-schedule.js';
import { tempoOf } from '../subnets/epoch-schedule-state.js';
import { ROOT_NETUID } from '../subnets/root-netuid.js';
import {
  BlocksSinceLastStep,
  EmissionEnabled,
  FirstEmissionBlock,
  Hyperparameters,
  LastEpochBlock,
  MovingPrice,
  Netuids,
  PendingEpochAt,
  SubnetEmissionShare,
  SubnetTaoEmission,
} from '../subnets/storage.js';
import { SubnetTao } from '../swap/storage.js';
import { spotPrice } from '../swap/spot-price.js';
import type { BlockHeaderInput } from './extrinsic.js';

/** The header fields a quiet block writes to state (only the last block's survive). */
export type QuietHeader = Pick<BlockHeaderInput, 'parentHash' | 'timestamp'>;

interface Schedule extends EpochScheduleState {
  readonly netuid: number;
  blocksSinceLastStep: bigint;
}

interface BurnTrack {
  readonly netuid: number;
  burn: bigint;
  readonly params: ReturnType<typeof burnParamsOf>;
  readonly factor: bigint;
}

/** Everything a quiet run reads and writes, held in memory between its first and last block. */
interface Ledger {
  issuance: bigint;
  minted: bigint;
  recycled: bigint;
  totalStake: bigint;
  readonly rootTao: bigint;
  readonly netuids: readonly number[];
  subnets: CoinbaseSubnet[];
  flows: SubnetFlows[];
  readonly enabled: readonly boolean[];
  readonly firstEmission: readonly bigint[];
  readonly shares: bigint[];
  readonly intoPool: bigint[];
  readonly schedule: readonly Schedule[];
  /** Every subnet's last epoch block (root's too): pending child keys apply only there. */
  readonly lastEpochBlocks: readonly bigint[];
  readonly burns: readonly BurnTrack[];
}

function loadLedger(s: State): Ledger {
  const all = s.value(Netuids);
  const netuids = emittingSubnets(s);
  return {
    issuance: s.value(TotalIssuance),
    minted: s.value(TotalMinted),
    recycled: s.value(TotalRecycled),
    totalStake: s.value(TotalStake),
    rootTao: s.get(SubnetTao, ROOT_NETUID),
    netuids,
    subnets: netuids.map((n) => loadSubnet(s, n)),
    flows: netuids.map((n) => loadFlows(s, n)),
    enabled: netuids.map((n) => s.get(EmissionEnabled, n)),
    firstEmission: netuids.map((n) => s.get(FirstEmissionBlock, n)),
    shares: netuids.map((n) => s.get(SubnetEmissionShare, n)),
    intoPool: netuids.map((n) => s.get(SubnetTaoEmission, n)),
    schedule: all
      .filter((n) => n !== ROOT_NETUID)
      .map((n) => ({
        netuid: n,
        tempo: tempoOf(s, n),
        lastEpochBlock: s.get(LastEpochBlock, n),
        pendingEpochAt: s.get(PendingEpochAt, n),
        blocksSinceLastStep: s.get(BlocksSinceLastStep, n),
      })),
    lastEpochBlocks: all.map((n) => s.get(LastEpochBlock, n)),
    burns: all.flatMap((n): BurnTrack[] => {
      const hp = s.get(Hyperparameters, n);
      return hp === null
        ? []
        : [{ netuid: n, burn: s.get(Burn, n), params: burnParamsOf(hp), factor: cachedDecayFactor(hp.burnHalfLife) }];
    }),
  };
}

/** Would block `now`, empty, do only the routine? (An epoch ran at `now` only if it was due.) */
function quietAt(l: Ledger, now: bigint): boolean {
  if (l.lastEpochBlocks.includes(now)) return false;
  for (const x of l.schedule) {
    if (shouldRunEpoch({ ...x, blocksSinceLastStep: x.blocksSinceLastStep + 1n }, now)) return false;
  }
  return true;
}

/** One quiet block's step, in `blockStep`'s order, on the ledger. */
function quietStep(l: Ledger, p: NetworkParams, now: bigint): void {
  for (const b of l.burns) b.burn = decayBurn(b.burn, now, b.params, b.factor);

  const emission = blockEmissionForIssuance(l.issuance, {
    defaultBlockEmission: p.defaultBlockEmission,
    totalSupply: MAX_TAO_SUPPLY,
  });
  const room = MAX_TAO_SUPPLY - l.issuance;
  const credit = emission < room ? emission : room < 0n ? 0n : room;
  l.issuance += credit;
  l.minted += credit;

  let taoEmission: bigint[] | undefined;
  if (p.emissionPolicy === 'taoflow' && l.netuids.length > 0) {
    const r = taoFlowStep(l.flows, l.enabled, p);
    l.flows = r.flows;
    taoEmission = r.shares.map((sh) => taoFromShare(credit, sh));
    r.shares.forEach((sh, i) => {
      l.shares[i] = sh;
    });
  }
  const issuanceBefore = l.issuance - credit;
  const result = runCoinbase(
    { subnetOwnerCut: p.subnetOwnerCut, taoWeight: p.taoWeight, minReserve: p.minimumReserve },
    { block: now, totalIssuance: issuanceBefore, totalStake: l.totalStake, rootTao: l.rootTao, subnets: l.subnets },
    credit,
    taoEmission,
  );
  const flows = l.flows;
  l.flows = result.subnets.map((x, i) => {
    const into = x.tao - (l.subnets[i] as CoinbaseSubnet).tao;
    l.intoPool[i] = into;
    const f = flows[i] as SubnetFlows;
    return { ...f, protocolFlow: f.protocolFlow + into };
  });
  if (taoEmission === undefined)
    result.shares.forEach((sh, i) => {
      l.shares[i] = sh;
    });
  l.totalStake = result.totalStake;
  const burnt = issuanceBefore + credit - result.totalIssuance;
  if (burnt > 0n) {
    l.issuance -= burnt;
    l.recycled += burnt;
  }

  for (const x of l.schedule) x.blocksSinceLastStep += 1n;

  l.subnets = result.subnets.map((x, i) => ({
    ...x,
    movingPrice: updateMovingPrice(x.movingPrice, spotPrice(x.tao, x.alphaIn, x.wQuote, x.mechanism), now, {
      movingAlpha: p.subnetMovingAlpha,
      firstEmissionBlock: l.firstEmission[i] as bigint,
      halvingBlocks: p.emaPriceHalvingBlocks,
    }),
  }));
}

function saveLedger(s: State, l: Ledger): void {
  for (const b of l.burns) s.set(Burn, b.netuid, b.burn);
  for (const n of s.value(Netuids)) s.remove(RegistrationsThisBlock, n);
  s.put(TotalIssuance, l.issuance);
  s.put(TotalMinted, l.minted);
  s.put(TotalRecycled, l.recycled);
  l.netuids.forEach((n, i) => {
    saveFlows(s, n, l.flows[i] as SubnetFlows);
    s.set(SubnetEmissionShare, n, l.shares[i] as bigint);
    saveSubnet(s, l.subnets[i] as CoinbaseSubnet);
    s.set(SubnetTaoEmission, n, l.intoPool[i] as bigint);
    s.set(MovingPrice, n, (l.subnets[i] as CoinbaseSubnet).movingPrice);
  });
  s.put(TotalStake, l.totalStake);
  for (const x of l.schedule) s.set(BlocksSinceLastStep, x.netuid, x.blocksSinceLastStep);
}

/**
 * Applies up to `max` empty blocks after the state's current block, stopping before the first one
 * that is not quiet; returns how many it applied (0 when the next block is not quiet). `header`
 * gives the parent hash and timestamp of a block, asked only for the last one applied.
 */
export function applyQuietBlocks(state: State, max: bigint, header: (number: bigint) => QuietHeader): bigint {
  const start = state.value(BlockNumber);
  if (max <= 0n || state.value(RootStakingColdkeys).length > 0) return 0n;
  if (state.entries(TimelockedWeightCommits).some(([, q]) => q.length > 0)) return 0n;
  if (state.value(TimelockedIndex).length > 0) return 0n;
  const l = loadLedger(state);
  const p = state.value(Params);
  let now = start;
  while (now - start < max && quietAt(l, now + 1n)) {
    now += 1n;
    quietStep(l, p, now);
  }
  if (now === start) return 0n;
  const h = header(now);
  state.transactional(() => {
    saveLedger(state, l);
    state.put(BlockNumber, now);
    state.put(ParentHash, h.parentHash);
    state.put(Timestamp, h.timestamp);
  });
  return now - start;
}
