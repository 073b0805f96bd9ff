/** subtensor's proxy types, in its order: a type's index is its SCALE discriminant. */
export const PROXY_TYPES = [
  'Any',
  'Owner',
  'NonCritical',
  'NonTransfer',
  'Senate',
  'NonFungible',
  'Triumvirate',
  'Governance',
  'Staking',
  'Registration',
  'Transfer',
  'SmallTransfer',
  'RootWeights',
  'ChildKeys',
  'SudoUncheckedSetCode',
  'SwapHotkey',
  'SubnetLeaseBeneficiary',
  'RootClaim',
] as const;
export type ProxyType = (typeof PROXY_TYPES)[number];
