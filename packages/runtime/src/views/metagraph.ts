/**
 * The metagraph of a subnet in one call, columnar (one array per field, indexed by uid), with
 * optional field selection so a client that needs only incentives does not pay for weights.
 */
import type { AccountId } from '@taonet/primitives';
import {
  Axons,
  BlockAtRegistration,
  EpochResults,
  Keys,
  LastUpdate,
  MechanismIncentive,
  Owner,
} from '../neurons/storage.js';
import { mechanismCount, netuidStorageIndex } from '../subnets/mechanism-index.js';
import type { State } from '../state/state.js';
import { epochStakeFixed } from '../children/epoch-stake.js';
import { hotkeyAlpha } from '../staking/stake-queries.js';
import { ROOT_NETUID } from '../subnets/root-netuid.js';
import { Hyperparameters } from '../subnets/storage.js';
import { Bonds, Weights } from '../weights/storage.js';

export interface AxonView {
  readonly ip: string;
  readonly port: number;
  readonly ipType: number;
  readonly version: number;
  readonly protocol: number;
  readonly block: bigint;
}

export interface Metagraph {
  readonly netuid: number;
  /** The mechanism whose incentive, last updates, weights and bonds this is (0 unless asked). */
  readonly mecid?: number;
  readonly block: bigint;
  readonly n: number;
  readonly hotkeys?: AccountId[];
  readonly coldkeys?: (AccountId | null)[];
  /** Alpha staked on each hotkey on this subnet. */
  readonly alphaStake?: bigint[];
  /** TAO staked on each hotkey on root. */
  readonly rootStake?: bigint[];
  /** Stake as the epoch weighs it: alpha + root × tao weight (rao, floored). */
  readonly totalStake?: bigint[];
  readonly active?: boolean[];
  readonly validatorPermit?: boolean[];
  readonly emission?: bigint[];
  readonly consensus?: number[];
  readonly incentive?: number[];
  readonly dividends?: number[];
  readonly validatorTrust?: number[];
  readonly stakeWeight?: number[];
  readonly lastUpdate?: bigint[];
  readonly blockAtRegistration?: bigint[];
  readonly axons?: (AxonView | null)[];
  /** Weight rows [[uid, u16], ...] per uid. */
  readonly weights?: [number, number][][];
  readonly bonds?: [number, number][][];
}

export type MetagraphField = Exclude<keyof Metagraph, 'netuid' | 'block' | 'n'>;

export const METAGRAPH_FIELDS: readonly MetagraphField[] = [
  'hotkeys',
  'coldkeys',
  'alphaStake',
  'rootStake',
  'totalStake',
  'active',
  'validatorPermit',
  'emission',
  'consensus',
  'incentive',
  'dividends',
  'validatorTrust',
  'stakeWeight',
  'lastUpdate',
  'blockAtRegistration',
  'axons',
  'weights',
  'bonds',
];

/** Default fields: everything but the weight and bond matrices. */
export const DEFAULT_METAGRAPH_FIELDS = METAGRAPH_FIELDS.filter((f) => f !== 'weights' && f !== 'bonds');

export function ipToString(ip: bigint, ipType: number): string {
  if (ipType === 4) return [24n, 16n, 8n, 0n].map((sh) => ((ip >> sh) & 0xffn).toString()).join('.');
  const parts: string[] = [];
  for (let i = 7; i >= 0; i--) parts.push(((ip >> BigInt(16 * i)) & 0xffffn).toString(16));
  return parts.join(':');
}

/**
 * The subnet's metagraph as seen by one mechanism (subtensor's mechagraph): incentive, last update,
 * weights and bonds are the mechanism's own; every other column is the subnet's, combined over its
 * mechanisms. Null when the subnet or the mechanism does not exist.
 */
export function metagraph(
  s: State,
  netuid: number,
  fields: readonly MetagraphField[] = DEFAULT_METAGRAPH_FIELDS,
  mecid = 0,
): Metagraph | null {
  if (s.get(Hyperparameters, netuid) === null || mecid >= mechanismCount(s, netuid)) return null;
  const index = netuidStorageIndex(netuid, mecid);
  const keys = s.get(Keys, netuid);
  const n = keys.length;
  const want = new Set(fields);
  const res = s.get(EpochResults, netuid);
  const col = <T>(arr: readonly T[] | undefined, fill: T): T[] => Array.from({ length: n }, (_, i) => arr?.[i] ?? fill);
  const rows = (item: typeof Weights): [number, number][][] =>
    keys.map((_, uid) => {
      const r = s.get(item, [index, uid]);
      return r === null ? [] : Array.from(r.cols, (c, k) => [c, r.vals[k] as number] as [number, number]);
    });
  const out: Record<string, unknown> = mecid === 0 ? { netuid, block: 0n, n } : { netuid, mecid, block: 0n, n };
  if (want.has('hotkeys')) out.hotkeys = [...keys];
  if (want.has('coldkeys')) out.coldkeys = keys.map((h) => s.get(Owner, h));
  if (want.has('alphaStake')) out.alphaStake = keys.map((h) => hotkeyAlpha(s, h, netuid));
  if (want.has('rootStake')) out.rootStake = keys.map((h) => hotkeyAlpha(s, h, ROOT_NETUID));
  if (want.has('totalStake')) out.totalStake = keys.map((h) => epochStakeFixed(s, h, netuid) >> 64n);
  if (want.has('active')) out.active = col(res?.active, false);
  if (want.has('validatorPermit')) out.validatorPermit = col(res?.validatorPermit, false);
  if (want.has('emission')) out.emission = col(res?.emission, 0n);
  if (want.has('consensus')) out.consensus = col(res?.consensus, 0);
  if (want.has('incentive'))
    out.incentive = mecid === 0 ? col(res?.incentive, 0) : col(s.get(MechanismIncentive, index), 0);
  if (want.has('dividends')) out.dividends = col(res?.dividends, 0);
  if (want.has('validatorTrust')) out.validatorTrust = col(res?.validatorTrust, 0);
  if (want.has('stakeWeight')) out.stakeWeight = col(res?.stakeWeight, 0);
  if (want.has('lastUpdate')) out.lastUpdate = col(s.get(LastUpdate, index), 0n);
  if (want.has('blockAtRegistration')) out.blockAtRegistration = col(s.get(BlockAtRegistration, netuid), 0n);
  if (want.has('axons')) {
    out.axons = keys.map((h) => {
      const a = s.get(Axons, [netuid, h]);
      return a === null
        ? null
        : {
            ip: ipToString(a.ip, a.ipType),
            port: a.port,
            ipType: a.ipType,
            version: a.version,
            protocol: a.protocol,
            block: a.block,
          };
    });
  }
  if (want.has('weights')) out.weights = rows(Weights);
  if (want.has('bonds')) out.bonds = rows(Bonds);
  return out as unknown as Metagraph;
}
