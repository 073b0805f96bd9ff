/**
 * A subnet's metagraph: one RPC call per sync, columnar (one typed array per field, indexed by
 * uid), and cached by block — `sync()` on an unchanged head costs one header request. It also
 * answers the axon's questions about callers (registered? permit? stake?).
 */
import { toAccountHex, toSs58 } from '../client/address.js';
import { request } from '../client/chain-client.js';
import { big } from '../client/decode.js';
import type { Subtensor } from '../client/subtensor.js';
import { SdkError } from '../errors.js';

export interface AxonEndpoint {
  readonly ip: string;
  readonly port: number;
  readonly ipType: number;
  readonly version: number;
  readonly protocol: number;
  readonly block: bigint;
}

export type MetagraphFieldName =
  | 'hotkeys'
  | 'coldkeys'
  | 'alphaStake'
  | 'rootStake'
  | 'totalStake'
  | 'active'
  | 'validatorPermit'
  | 'emission'
  | 'consensus'
  | 'incentive'
  | 'dividends'
  | 'validatorTrust'
  | 'stakeWeight'
  | 'lastUpdate'
  | 'blockAtRegistration'
  | 'axons'
  | 'weights'
  | 'bonds';

const u64s = (v: readonly string[]): BigUint64Array => BigUint64Array.from(v.map(big));
const u16s = (v: readonly number[]): Uint16Array => Uint16Array.from(v);

export class Metagraph {
  block = -1n;
  n = 0;
  /** SS58 addresses, by uid. */
  hotkeys: string[] = [];
  coldkeys: (string | null)[] = [];
  alphaStake = new BigUint64Array(0) as BigUint64Array;
  rootStake = new BigUint64Array(0) as BigUint64Array;
  /** Stake as the epoch weighs it (alpha + root × tao weight), rao. */
  totalStake = new BigUint64Array(0) as BigUint64Array;
  active: boolean[] = [];
  validatorPermit: boolean[] = [];
  emission = new BigUint64Array(0) as BigUint64Array;
  /** u16 proportions (65535 = 1.0). */
  consensus = new Uint16Array(0) as Uint16Array;
  incentive = new Uint16Array(0) as Uint16Array;
  dividends = new Uint16Array(0) as Uint16Array;
  validatorTrust = new Uint16Array(0) as Uint16Array;
  stakeWeight = new Uint16Array(0) as Uint16Array;
  lastUpdate = new BigUint64Array(0) as BigUint64Array;
  blockAtRegistration = new BigUint64Array(0) as BigUint64Array;
  axons: (AxonEndpoint | null)[] = [];
  weights: [number, number][][] | null = null;
  bonds: [number, number][][] | null = null;
  private readonly uidByHotkey = new Map<string, number>();

  /**
   * `mecid` selects a mechanism of the subnet (subtensor's mechagraph): incentive, lastUpdate,
   * weights and bonds are then that mechanism's; the other columns are the subnet's.
   */
  constructor(
    readonly client: Subtensor,
    readonly netuid: number,
    readonly fields?: readonly MetagraphFieldName[],
    readonly mecid = 0,
  ) {}

  /** Fetches the metagraph unless the head has not moved since the last sync. */
  async sync(opts: { force?: boolean } = {}): Promise<this> {
    const head = await this.client.head();
    if (!opts.force && head.number === this.block) return this;
    const r =
      this.mecid === 0
        ? await request(this.client, 'taonet_metagraph', [this.netuid, this.fields ?? null])
        : await request(this.client, 'taonet_mechagraph', [this.netuid, this.mecid, this.fields ?? null]);
    if (r === null)
      throw this.mecid === 0
        ? new SdkError(
            'SubnetNotExists',
            `subnet ${this.netuid} does not exist`,
            'list subnets with `taonet subnets list`',
          )
        : new SdkError(
            'MechanismDoesNotExist',
            `subnet ${this.netuid} has no mechanism ${this.mecid}`,
            `see \`taonet subnets mechanisms count --netuid ${this.netuid}\``,
          );
    this.block = big(r.block);
    this.n = r.n as number;
    if (r.hotkeys !== undefined) {
      this.hotkeys = r.hotkeys.map(toSs58);
      this.uidByHotkey.clear();
      r.hotkeys.forEach((h, i) => {
        this.uidByHotkey.set(h, i);
      });
    }
    if (r.coldkeys !== undefined) this.coldkeys = r.coldkeys.map((c) => (c === null ? null : toSs58(c)));
    if (r.alphaStake !== undefined) this.alphaStake = u64s(r.alphaStake);
    if (r.rootStake !== undefined) this.rootStake = u64s(r.rootStake);
    if (r.totalStake !== undefined) this.totalStake = u64s(r.totalStake);
    if (r.active !== undefined) this.active = [...r.active];
    if (r.validatorPermit !== undefined) this.validatorPermit = [...r.validatorPermit];
    if (r.emission !== undefined) this.emission = u64s(r.emission);
    if (r.consensus !== undefined) this.consensus = u16s(r.consensus);
    if (r.incentive !== undefined) this.incentive = u16s(r.incentive);
    if (r.dividends !== undefined) this.dividends = u16s(r.dividends);
    if (r.validatorTrust !== undefined) this.validatorTrust = u16s(r.validatorTrust);
    if (r.stakeWeight !== undefined) this.stakeWeight = u16s(r.stakeWeight);
    if (r.lastUpdate !== undefined) this.lastUpdate = u64s(r.lastUpdate);
    if (r.blockAtRegistration !== undefined) this.blockAtRegistration = u64s(r.blockAtRegistration);
    if (r.axons !== undefined) {
      this.axons = r.axons.map((a) =>
        a === null
          ? null
          : { ip: a.ip, port: a.port, ipType: a.ipType, version: a.version, protocol: a.protocol, block: big(a.block) },
      );
    }
    if (r.weights !== undefined) this.weights = r.weights.map((row) => row.map(([u, w]) => [u, w]));
    if (r.bonds !== undefined) this.bonds = r.bonds.map((row) => row.map(([u, w]) => [u, w]));
    return this;
  }

  uidOf(hotkey: string): number | null {
    return this.uidByHotkey.get(toAccountHex(hotkey)) ?? null;
  }

  isRegistered(hotkey: string): boolean {
    return this.uidOf(hotkey) !== null;
  }

  hasValidatorPermit(hotkey: string): boolean {
    const uid = this.uidOf(hotkey);
    return uid !== null && this.validatorPermit[uid] === true;
  }

  /** Stake weighed as in the epoch (rao); 0 for unknown hotkeys. */
  stakeOf(hotkey: string): bigint {
    const uid = this.uidOf(hotkey);
    return uid === null ? 0n : (this.totalStake[uid] ?? 0n);
  }

  /** Blocks since each uid last updated its weights. */
  blocksSinceUpdate(uid: number): bigint {
    return this.block - (this.lastUpdate[uid] ?? 0n);
  }
}
