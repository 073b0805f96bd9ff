/// <reference lib="dom" />
/** What every page is, and the raw shapes of the node's views it reads. */
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

/** taonet_dynamicInfo, as JSON (bigints are decimal strings). */
export interface RawDynamicInfo {
  readonly netuid: number;
  readonly symbol: string;
  readonly name: string;
  readonly identity: { readonly description?: string; readonly url?: string } | null;
  readonly owner: string | null;
  readonly ownerHotkey: string | null;
  readonly registeredAt: string;
  readonly started: boolean;
  readonly emissionEnabled: boolean;
  readonly tempo: number;
  readonly lastEpochBlock: string;
  readonly blocksUntilNextEpoch: string;
  readonly n: number;
  readonly maxUids: number;
  readonly price: string;
  readonly movingPrice: string;
  readonly taoIn: string;
  readonly alphaIn: string;
  readonly alphaOut: string;
  readonly volume: string;
  readonly emissionShare: string;
  readonly taoEmission: string;
  readonly alphaOutEmission: string;
  readonly alphaInEmission: string;
  readonly pendingServer: string;
  readonly pendingValidator: string;
  readonly pendingRoot: string;
  readonly pendingOwnerCut: string;
  readonly taoFlow: string;
  readonly flowEma: string;
  readonly registrationCost: string;
}

export interface RawNetworkInfo {
  readonly block: string;
  readonly finalized: string;
  readonly totalIssuance: string;
  readonly totalStake: string;
  readonly totalRecycled: string;
  readonly params: { readonly defaultBlockEmission: string; readonly subnetOwnerCut: number } & Record<string, unknown>;
  readonly subnets: readonly number[];
}

export interface RawMetagraph {
  readonly netuid: number;
  readonly block: string;
  readonly n: number;
  readonly hotkeys: readonly string[];
  readonly coldkeys: readonly (string | null)[];
  readonly alphaStake: readonly string[];
  readonly totalStake: readonly string[];
  readonly validatorPermit: readonly boolean[];
  readonly active: readonly boolean[];
  readonly emission: readonly string[];
  readonly incentive: readonly number[];
  readonly dividends: readonly number[];
  readonly validatorTrust: readonly number[];
  readonly stakeWeight: readonly number[];
  readonly lastUpdate: readonly string[];
  readonly blockAtRegistration: readonly string[];
  readonly axons: readonly ({ readonly ip: string; readonly port: number } | null)[];
  readonly weights?: readonly (readonly [number, number][])[];
}

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

export interface RawHyperparameter {
  readonly name: string;
  readonly value: unknown;
  readonly ownerSettable: boolean;
  readonly min?: string;
  readonly max?: string;
  readonly description: string;
}

export const big = (v: unknown): bigint => {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number') return BigInt(Math.trunc(v));
  if (typeof v === 'string' && /^-?\d+$/.test(v)) return BigInt(v);
  return 0n;
};
