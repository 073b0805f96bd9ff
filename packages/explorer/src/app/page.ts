/// <reference lib="dom" />
/** What every page is, and the raw shapes of the node's views it reads. */
import type { DynamicInfoReply, HyperparameterReply, MetagraphReply } from '@taonet/primitives';
import type { NodeConnection } from './node.js';

export interface Page {
  readonly title: string;
  /** Builds the page's skeleton (with loading states) into `main`. */
  mount(main: HTMLElement): void;
  /** Fetches and paints; called at mount and on every new head (coalesced). */
  refresh(): Promise<void>;
  destroy?(): void;
}

export type PageFactory = (node: NodeConnection, args: readonly string[]) => Page;

/** taonet_dynamicInfo, as JSON (bigints are decimal strings): the shared reply type. */
export type RawDynamicInfo = DynamicInfoReply;

export interface RawNetworkInfo {
  readonly block: string;
  readonly finalized: string;
  readonly totalIssuance: string;
  readonly totalStake: string;
  readonly totalRecycled: string;
  readonly params: { readonly defaultBlockEmission: string; readonly subnetOwnerCut: number } & Record<string, unknown>;
  readonly subnets: readonly number[];
}

/** taonet_metagraph with the columns the explorer asks for (METAGRAPH_FIELDS), so they are present. */
export type RawMetagraph = MetagraphReply &
  Required<
    Pick<
      MetagraphReply,
      | 'hotkeys'
      | 'coldkeys'
      | 'alphaStake'
      | 'totalStake'
      | 'validatorPermit'
      | 'active'
      | 'emission'
      | 'incentive'
      | 'dividends'
      | 'validatorTrust'
      | 'stakeWeight'
      | 'lastUpdate'
      | 'blockAtRegistration'
      | 'axons'
    >
  >;

export const METAGRAPH_FIELDS = [
  'hotkeys',
  'coldkeys',
  'alphaStake',
  'totalStake',
  'validatorPermit',
  'active',
  'emission',
  'incentive',
  'dividends',
  'validatorTrust',
  'stakeWeight',
  'lastUpdate',
  'blockAtRegistration',
  'axons',
  'weights',
];

export type RawHyperparameter = HyperparameterReply;

export const big = (v: unknown): bigint => {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number') return BigInt(Math.trunc(v));
  if (typeof v === 'string' && /^-?\d+$/.test(v)) return BigInt(v);
  return 0n;
};
