/**
 * add_proxy and remove_proxy: an account names (or drops) a delegate that may act for it. The
 * list's deposit follows its length (deposits.ts).
 */
import type { AccountId } from '@taonet/primitives';
import { ensure, fail } from '../errors.js';
import type { Ctx } from '../system/context.js';
import { event } from '../system/events.js';
import { PROXY_TYPES, type ProxyType } from './proxy-types.js';
import { rejigDeposit } from './deposits.js';
import {
  MAX_PROXIES,
  PROXY_DEPOSIT_BASE,
  PROXY_DEPOSIT_FACTOR,
  type ProxyDefinition,
  Proxies,
  ProxyDeposit,
} from './storage.js';

function setProxies(ctx: Ctx, real: AccountId, list: ProxyDefinition[]): void {
  const held = ctx.state.get(ProxyDeposit, real);
  const deposit = rejigDeposit(ctx.state, real, held, list.length, PROXY_DEPOSIT_BASE, PROXY_DEPOSIT_FACTOR);
  ctx.state.set(ProxyDeposit, real, deposit);
  ctx.state.set(Proxies, real, list);
}

/** The reference's order: by delegate, then proxy type (enum index), then delay. */
function compare(a: ProxyDefinition, b: ProxyDefinition): number {
  if (a.delegate !== b.delegate) return a.delegate < b.delegate ? -1 : 1;
  const t = PROXY_TYPES.indexOf(a.proxyType) - PROXY_TYPES.indexOf(b.proxyType);
  if (t !== 0) return t;
  return a.delay === b.delay ? 0 : a.delay < b.delay ? -1 : 1;
}

export function addProxy(ctx: Ctx, real: AccountId, def: ProxyDefinition): void {
  ensure(def.delegate !== real, 'NoSelfProxy', 'name another account as the proxy');
  const list = ctx.state.get(Proxies, real);
  ensure(!list.some((d) => compare(d, def) === 0), 'Duplicate', 'this proxy is already set');
  ensure(list.length < MAX_PROXIES, 'TooMany', `an account has at most ${MAX_PROXIES} proxies; remove one first`);
  setProxies(ctx, real, [...list, def].sort(compare));
  ctx.emit(
    event('ProxyAdded', { delegator: real, delegatee: def.delegate, proxyType: def.proxyType, delay: def.delay }),
  );
}

export function removeProxy(ctx: Ctx, real: AccountId, def: ProxyDefinition): void {
  const list = ctx.state.get(Proxies, real);
  const rest = list.filter((d) => compare(d, def) !== 0);
  if (rest.length === list.length) fail('NotFound', 'no such proxy (same delegate, type and delay) is set');
  setProxies(ctx, real, rest);
  ctx.emit(
    event('ProxyRemoved', { delegator: real, delegatee: def.delegate, proxyType: def.proxyType, delay: def.delay }),
  );
}

/** The proxy definition that lets `delegate` act for `real` (of `forceType` if given). */
export function findProxy(
  ctx: Ctx,
  real: AccountId,
  delegate: AccountId,
  forceType: ProxyType | null,
): ProxyDefinition {
  const def = ctx.state
    .get(Proxies, real)
    .find((d) => d.delegate === delegate && (forceType === null || d.proxyType === forceType));
  if (def === undefined)
    fail(
      'NotProxy',
      forceType === null
        ? 'the signer is not a proxy of this account'
        : `the signer is not a ${forceType} proxy of this account`,
    );
  return def;
}
