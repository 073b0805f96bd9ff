/**
 * The reference's `proxy` and `proxy_announced` calls: a delegate dispatches a call as the account
 * it is a proxy of, filtered by the proxy type (and, for add_proxy/remove_proxy, only types the
 * proxy's own type covers). A proxy with a delay cannot use `proxy`: its calls go through an
 * announcement and `proxy_announced` (which anyone may sign) once the delay has passed. Both
 * succeed whatever the inner call does; ProxyExecuted carries the result.
 */
import type { AccountId } from '@taonet/primitives';
import { takeAnnouncement } from '../proxy/announcements.js';
import { findProxy } from '../proxy/proxy-delegates.js';
import { isSuperset, PROXY_TYPES, type ProxyType, proxyAllows } from '../proxy/proxy-types.js';
import { type Args, account, call, oneOf } from '../system/args.js';
import { type Call, defineCall } from '../system/call.js';
import type { Ctx } from '../system/context.js';
import type { ProxyDefinition } from '../proxy/storage.js';
import { event } from '../system/events.js';
import { ensure } from '../errors.js';
import { withFilter } from './dispatch.js';
import { dispatchInFrame } from './nested-dispatch.js';

const forceType = (a: Args): ProxyType | null =>
  a.forceProxyType === undefined || a.forceProxyType === null ? null : oneOf(a, 'forceProxyType', PROXY_TYPES);

/** Dispatches `inner` as `real` under the proxy's filter and records the outcome. */
function runAsProxy(ctx: Ctx, real: AccountId, def: ProxyDefinition, inner: Call): void {
  const type: ProxyType = def.proxyType;
  const error = withFilter(
    ctx,
    (c) =>
      c.method === 'add_proxy' || c.method === 'remove_proxy'
        ? PROXY_TYPES.includes(c.args.proxyType as ProxyType) && isSuperset(type, c.args.proxyType as ProxyType)
        : proxyAllows(type, c),
    () => dispatchInFrame(ctx, real, inner),
  );
  ctx.emit(event('ProxyExecuted', { result: error === null ? 'ok' : { error } }));
}

export const proxyCall = defineCall({
  name: 'proxy',
  signer: 'coldkey',
  pays: true,
  description: 'As a proxy of `real`, dispatch `call` as `real` (forceProxyType picks which of its proxy types).',
  parse: (a) => ({ real: account(a, 'real'), forceProxyType: forceType(a), call: call(a, 'call') }),
  run(ctx, who, a) {
    const def = findProxy(ctx, a.real, who, a.forceProxyType);
    ensure(
      def.delay === 0n,
      'Unannounced',
      `this proxy has a delay of ${def.delay} blocks: announce the call's hash, then run it with proxy_announced`,
    );
    runAsProxy(ctx, a.real, def, a.call);
  },
});

export const proxyAnnouncedCall = defineCall({
  name: 'proxy_announced',
  signer: 'coldkey',
  pays: true,
  description:
    'Dispatch `call` as `real` through `delegate`, which announced it at least the proxy’s delay ago (any account may sign).',
  parse: (a) => ({
    delegate: account(a, 'delegate'),
    real: account(a, 'real'),
    forceProxyType: forceType(a),
    call: call(a, 'call'),
  }),
  run(ctx, _who, a) {
    const def = findProxy(ctx, a.real, a.delegate, a.forceProxyType);
    takeAnnouncement(ctx, a.delegate, a.real, def, a.call);
    runAsProxy(ctx, a.real, def, a.call);
  },
});
