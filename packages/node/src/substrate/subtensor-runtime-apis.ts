/**
 * subtensor's own runtime APIs, in subtensor's names, argument names, struct layouts and
 * versions, each answered from the runtime's views (one file per API under `apis/`). The node only
 * reshapes; every number comes from a view or a storage item the view reads.
 */
import { BETA_BASKET_API } from './apis/beta-basket-api.js';
import { DELEGATE_INFO_API } from './apis/delegate-info-api.js';
import { NEURON_INFO_API } from './apis/neuron-info-api.js';
import { REGISTRATION_API } from './apis/registration-api.js';
import { STAKE_INFO_API } from './apis/stake-info-api.js';
import { SUBNET_INFO_API } from './apis/subnet-info-api.js';
import { SWAP_API } from './apis/swap-api.js';
import type { RuntimeApiDef } from './runtime-apis.js';

export const SUBTENSOR_RUNTIME_APIS: readonly RuntimeApiDef[] = [
  DELEGATE_INFO_API,
  NEURON_INFO_API,
  SUBNET_INFO_API,
  STAKE_INFO_API,
  REGISTRATION_API,
  SWAP_API,
  BETA_BASKET_API,
];
