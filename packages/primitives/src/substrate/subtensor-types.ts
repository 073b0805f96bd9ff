/** SubtensorModule's own structs and enums, with subtensor's paths and field names. */
import { fields, T } from './scale-type.js';
import { Bytes, NetUid } from './types.js';

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
