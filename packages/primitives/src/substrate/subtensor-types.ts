/** SubtensorModule's own structs and enums, with subtensor's paths and field names. */
import { fields, T } from './scale-type.js';
import { AlphaBalance, Bytes, NetUid, U64F64 } from './types.js';

export const AxonInfo = T.composite(
  'pallet_subtensor::AxonInfo',
  fields({
    block: T.u64,
    version: T.u32,
    ip: T.u128,
    port: T.u16,
    ip_type: T.u8,
    protocol: T.u8,
    placeholder1: T.u8,
    placeholder2: T.u8,
  }),
);

export const SubnetIdentityV3 = T.composite(
  'pallet_subtensor::SubnetIdentityV3',
  fields({
    subnet_name: Bytes,
    github_repo: Bytes,
    subnet_contact: Bytes,
    subnet_url: Bytes,
    discord: Bytes,
    description: Bytes,
    logo_url: Bytes,
    additional: Bytes,
  }),
);

export const RootClaimType = T.variant('pallet_subtensor::RootClaimTypeEnum', [
  { name: 'Swap', index: 0, fields: [], docs: ['Sell root alpha dividends for TAO.'] },
  { name: 'Keep', index: 1, fields: [], docs: ['Keep root alpha dividends as alpha.'] },
  {
    name: 'KeepSubnets',
    index: 2,
    fields: fields({ subnets: T.vec(NetUid) }),
    docs: ['Keep alpha on these subnets, sell the rest.'],
  },
]);

export const LockState = T.composite(
  'pallet_subtensor::staking::lock::LockState',
  fields({ locked_mass: AlphaBalance, conviction: U64F64, last_update: T.u64 }),
);

export const ChainIdentityV2 = T.composite(
  'pallet_subtensor::pallet::ChainIdentityV2',
  fields({
    name: Bytes,
    url: Bytes,
    github_repo: Bytes,
    image: Bytes,
    discord: Bytes,
    description: Bytes,
    additional: Bytes,
  }),
);

/** How a subnet's epoch reaches consensus: Yuma, or Null (weights ignored). Taonet runs Yuma. */
export const EpochConsensus = T.variant('pallet_subtensor::epoch::EpochConsensus', [
  { name: 'Yuma', index: 0, fields: [], docs: ['Yuma Consensus over the validators’ weights.'] },
  { name: 'Null', index: 1, fields: [], docs: ['No consensus: emission by validator permit only.'] },
]);
