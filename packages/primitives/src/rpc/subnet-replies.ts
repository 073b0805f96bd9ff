/** Replies of the subnet views: `taonet_dynamicInfo`, `taonet_hyperparameters`, `taonet_registrationPrices`. */

/** A subnet's identity as its owner set it. */
export interface SubnetIdentityReply {
  readonly name: string;
  readonly github: string;
  readonly contact: string;
  readonly url: string;
  readonly discord: string;
  readonly description: string;
  readonly logoUrl: string;
  readonly additional: string;
}

/** `taonet_dynamicInfo` (one subnet) and `taonet_allDynamicInfo` (every subnet). Amounts in rao. */
export interface DynamicInfoReply {
  readonly netuid: number;
  readonly symbol: string;
  readonly name: string;
  readonly identity: SubnetIdentityReply | null;
  /** Owner coldkey and hotkey, 0x hex; null for a subnet without an owner (root). */
  readonly owner: string | null;
  readonly ownerHotkey: string | null;
  readonly registeredAt: string;
  readonly started: boolean;
  readonly firstEmissionBlock: string;
  readonly emissionEnabled: boolean;
  readonly tempo: number;
  readonly lastEpochBlock: string;
  readonly blocksUntilNextEpoch: string;
  readonly n: number;
  readonly maxUids: number;
  /** Spot price of one alpha in TAO, U64F64 raw. */
  readonly price: string;
  /** Price EMA, I96F32 raw. */
  readonly movingPrice: string;
  readonly taoIn: string;
  readonly alphaIn: string;
  readonly alphaOut: string;
  readonly protocolAlpha: string;
  /** Pool quote weight, Perquintill parts. */
  readonly quoteWeight: string;
  readonly volume: string;
  readonly locked: string;
  /** Share of the TAO block emission, U64F64 raw. */
  readonly emissionShare: string;
  readonly taoEmission: string;
  readonly alphaOutEmission: string;
  readonly alphaInEmission: string;
  readonly pendingServer: string;
  readonly pendingValidator: string;
  readonly pendingRoot: string;
  readonly pendingOwnerCut: string;
  /** Net staking inflow this block and its EMA, I64F64 raw: the TaoFlow signal. */
  readonly taoFlow: string;
  readonly flowEma: string;
  readonly registrationCost: string;
}

/** One entry of `taonet_hyperparameters`. Integer values wider than a JS number arrive as strings. */
export interface HyperparameterReply {
  readonly name: string;
  readonly value: string | number | boolean;
  readonly ownerSettable: boolean;
  readonly min?: string;
  readonly max?: string;
  readonly description: string;
}

/** `taonet_registrationPrices`: rao per subnet (keyed by netuid) and for a new subnet. */
export interface RegistrationPricesReply {
  readonly neuron: Readonly<Record<string, string>>;
  readonly network: string;
}
