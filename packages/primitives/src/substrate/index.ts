/** Substrate's wire formats at the chain's edge: SCALE types, calls, eras, extrinsics and headers. */
export * from './scale-type.js';
export * from './types.js';
export * from './subtensor-types.js';
export * from './compact.js';
export { decodeEra, eraBirth, eraLastBlock, encodeEra, EraError, IMMORTAL, mortalEra } from './era.js';
export type { Era as TxEra } from './era.js';
export * from './call-def.js';
export * from './runtime-call.js';
export * from './call-enum.js';
export * from './header.js';
export { ADMIN_UTILS_CALLS, RecycleOrBurnEnum } from './admin-utils-calls.js';
export { BALANCES_CALLS } from './balances-calls.js';
export { SHIELD_CALLS } from './shield-calls.js';
export { DRAND_CALLS, DrandPulseType, MultiSigner } from './drand-calls.js';
export { COMMITMENTS_CALLS, CommitmentData, CommitmentInfo } from './commitments-calls.js';
export { PROXY_CALLS, ProxyType, UTILITY_CALLS } from './utility-proxy-calls.js';
export { SUBTENSOR_CALLS } from './subtensor-calls.js';
export { TAONET_ADMIN_CALLS, ParamValue } from './taonet-admin-calls.js';
