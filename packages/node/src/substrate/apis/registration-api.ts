/** SubnetRegistrationRuntimeApi: what creating a subnet costs now (`views.registrationPrices`). */
import { views } from '@taonet/runtime';
import type { RuntimeApiDef } from '../runtime-apis.js';
import { TaoBalance } from '../types.js';
import { stateOf } from './api-values.js';

export const REGISTRATION_API: RuntimeApiDef = {
  name: 'SubnetRegistrationRuntimeApi',
  version: 1,
  docs: ['What creating a subnet costs now.'],
  methods: [
    {
      name: 'get_network_registration_cost',
      inputs: [],
      output: TaoBalance,
      run: (ctx) => views.registrationPrices(stateOf(ctx), ctx.storage.number).network,
    },
  ],
};
