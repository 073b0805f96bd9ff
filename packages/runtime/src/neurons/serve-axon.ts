/**
 * `serve_axon` (§10.4): a registered hotkey publishes where its axon listens, so validators and
 * clients can reach it. The address is checked only for the few values that cannot be right
 * (broadcast, loopback); the rate limit keeps free calls from spamming the chain.
 */
import type { AccountId } from '@taonet/primitives';
import { ensure } from '../errors.js';
import type { Ctx } from '../system/context.js';
import { event } from '../system/events.js';
import { nextServeAllowedBlock } from '../weights/next-allowed.js';
import { type AxonInfo, Axons, Uids } from './storage.js';

export interface ServeAxonArgs {
  readonly netuid: number;
  readonly version: number;
  /** IPv4 as a u32 or IPv6 as a u128. */
  readonly ip: bigint;
  readonly port: number;
  readonly ipType: number;
  readonly protocol: number;
}

const U32_MAX = (1n << 32n) - 1n;
const U128_MAX = (1n << 128n) - 1n;
const IPV4_LOOPBACK = 0x7f000001n;
const IPV6_LOOPBACK = 1n;

/** Zero is allowed for an axon (a placeholder for testing), as on the reference chain. */
export function isValidAxonIp(ipType: 4 | 6, ip: bigint): boolean {
  if (ipType === 4) return ip < U32_MAX && ip !== IPV4_LOOPBACK;
  return ip !== U128_MAX && ip !== IPV6_LOOPBACK;
}

export function serveAxon(ctx: Ctx, hotkey: AccountId, a: ServeAxonArgs): void {
  const s = ctx.state;
  ensure(s.get(Uids, [a.netuid, hotkey]) !== null, 'HotKeyNotRegisteredInNetwork', () => `netuid ${a.netuid}`);
  const ipType = a.ipType;
  ensure(ipType === 4 || ipType === 6, 'InvalidIpType', () => `got ${ipType}`);
  ensure(isValidAxonIp(ipType, a.ip), 'InvalidIpAddress', () => `ip ${a.ip} is a broadcast or loopback address`);
  const next = nextServeAllowedBlock(s, a.netuid, hotkey);
  ensure(ctx.now >= next, 'ServingRateLimitExceeded', () => `next allowed at block ${next}`);
  ensure(a.port !== 0, 'InvalidPort');
  const axon: AxonInfo = { block: ctx.now, version: a.version, ip: a.ip, port: a.port, ipType, protocol: a.protocol };
  s.set(Axons, [a.netuid, hotkey], axon);
  ctx.emit(event('AxonServed', { netuid: a.netuid, hotkey }));
}
