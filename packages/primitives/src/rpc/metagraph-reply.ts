/** `taonet_metagraph`: a subnet's neurons, columnar; only the requested columns are present. */

export interface AxonReply {
  readonly ip: string;
  readonly port: number;
  readonly ipType: number;
  readonly version: number;
  readonly protocol: number;
  readonly block: string;
}

export interface MetagraphReply {
  readonly netuid: number;
  /** Present for a mechanism other than 0 (`taonet_mechagraph`): its incentive, last updates, weights and bonds. */
  readonly mecid?: number;
  readonly block: string;
  readonly n: number;
  readonly hotkeys?: readonly string[];
  readonly coldkeys?: readonly (string | null)[];
  readonly alphaStake?: readonly string[];
  readonly rootStake?: readonly string[];
  readonly totalStake?: readonly string[];
  readonly active?: readonly boolean[];
  readonly validatorPermit?: readonly boolean[];
  readonly emission?: readonly string[];
  readonly consensus?: readonly number[];
  readonly incentive?: readonly number[];
  readonly dividends?: readonly number[];
  readonly validatorTrust?: readonly number[];
  readonly stakeWeight?: readonly number[];
  readonly lastUpdate?: readonly string[];
  readonly blockAtRegistration?: readonly string[];
  readonly axons?: readonly (AxonReply | null)[];
  /** Per uid, its (target uid, u16 weight) pairs. */
  readonly weights?: readonly (readonly (readonly [number, number])[])[];
  readonly bonds?: readonly (readonly (readonly [number, number])[])[];
}
