/** Proxy calls that manage delegates (the `proxy` call itself dispatches, so it lives with the dispatcher). */
import { fail } from '../errors.js';
import { type Args, account, oneOf, u64 } from '../system/args.js';
import { defineCall } from '../system/call.js';
import { addProxy, removeProxy } from './proxy-delegates.js';
import { PROXY_TYPES } from './proxy-types.js';
import type { ProxyDefinition } from './storage.js';

function definition(a: Args): ProxyDefinition {
  const delay = u64(a, 'delay');
  return { delegate: account(a, 'delegate'), proxyType: oneOf(a, 'proxyType', PROXY_TYPES), delay };
}

export const proxyCalls = [
  defineCall({
    name: 'add_proxy',
    signer: 'coldkey',
    pays: true,
    description: 'Let `delegate` act for this account with the calls `proxyType` allows (delay must be 0 here).',
    parse: (a) => {
      const d = definition(a);
      if (d.delay !== 0n)
        fail('InvalidArgument', 'announced (delayed) proxies are not supported on this chain yet; use delay 0');
      return d;
    },
    run: (ctx, who, d) => addProxy(ctx, who, d),
  }),
  defineCall({
    name: 'remove_proxy',
    signer: 'coldkey',
    pays: true,
    description: 'Drop a proxy (same delegate, type and delay as added).',
    parse: definition,
    run: (ctx, who, d) => removeProxy(ctx, who, d),
  }),
];
