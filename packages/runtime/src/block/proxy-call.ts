/**
 * The reference's `proxy` call: a delegate dispatches a call as the account it is a proxy of,
 * filtered by the proxy type (and, for add_proxy/remove_proxy, only types the proxy's own type
 * covers). The proxy call succeeds whatever the inner call does; ProxyExecuted carries the result.
 */
import { findProxy } from '../proxy/proxy-delegates.js';
import { isSuperset, PROXY_TYPES, type ProxyType, proxyAllows } from '../proxy/proxy-types.js';
import { account, call, oneOf } from '../system/args.js';
import { defineCall } from '../system/call.js';
import { event } from '../system/events.js';
import { ensure } from '../errors.js';
import { withFilter } from './dispatch.js';
import { dispatchInFrame } from './nested-dispatch.js';

export const proxyCall = defineCall({
  name: 'proxy',
  signer: 'coldkey',
  pays: true,
  description: 'As a proxy of `real`, dispatch `call` as `real` (forceProxyType picks which of its proxy types).',
  parse: (a) => ({
    real: account(a, 'real'),
    forceProxyType:
      a.forceProxyType === undefined || a.forceProxyType === null ? null : oneOf(a, 'forceProxyType', PROXY_TYPES),
    call: call(a, 'call'),
  }),
  run(ctx, who, a) {
    const def = findProxy(ctx, a.real, who, a.forceProxyType);
    ensure(
      def.delay === 0n,
      'Unannounced',
      'this proxy has a delay and must announce its calls, which this chain does not support',
    );
    const type: ProxyType = def.proxyType;
    const error = withFilter(
      ctx,
      (c) =>
        c.method === 'add_proxy' || c.method === 'remove_proxy'
          ? PROXY_TYPES.includes(c.args.proxyType as ProxyType) && isSuperset(type, c.args.proxyType as ProxyType)
          : proxyAllows(type, c),
      () => dispatchInFrame(ctx, a.real, a.call),
    );
    ctx.emit(event('ProxyExecuted', { result: error === null ? 'ok' : { error } }));
  },
});
