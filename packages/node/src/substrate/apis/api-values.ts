/**
 * Small conversions every subtensor runtime API shares: the state a call reads, accounts as bytes,
 * Option values, text as `Vec<Compact<u8>>`, and subtensor's structs built from Taonet's records.
 */
import type { AccountId } from '@taonet/primitives';
import { type State, storage } from '@taonet/runtime';
import { acctBytes } from '../pallet.js';
import type { ApiContext } from '../runtime-apis.js';

const utf8 = new TextEncoder();
export const ZERO_ACCOUNT = new Uint8Array(32);

/** The runtime's views take a State; a past block's read-only view offers the same reads. */
export const stateOf = (ctx: ApiContext): State => ctx.storage.state as State;
export const acctOr0 = (a: AccountId | null | undefined): Uint8Array =>
  a === null || a === undefined ? ZERO_ACCOUNT : acctBytes(a);
export const text = (s: string): number[] => [...utf8.encode(s)];

export const NONE = { tag: 'None', value: undefined } as const;
export const some = (value: unknown) => ({ tag: 'Some', value });
export const optional = <T>(v: T | null | undefined, f: (x: T) => unknown = (x) => x) =>
  v === null || v === undefined ? NONE : some(f(v));

/** subtensor's SubnetIdentityV3 of a subnet, or None. */
export function subnetIdentity(s: State, netuid: number): unknown {
  const id = s.get(storage.Identity, netuid);
  return optional(id, (x) => ({
    subnet_name: utf8.encode(x.name),
    github_repo: utf8.encode(x.github),
    subnet_contact: utf8.encode(x.contact),
    subnet_url: utf8.encode(x.url),
    discord: utf8.encode(x.discord),
    description: utf8.encode(x.description),
    logo_url: utf8.encode(x.logoUrl),
    additional: utf8.encode(x.additional),
  }));
}

export const NO_AXON = {
  block: 0n,
  version: 0,
  ip: 0n,
  port: 0,
  ip_type: 0,
  protocol: 0,
  placeholder1: 0,
  placeholder2: 0,
};
export const NO_PROMETHEUS = { block: 0n, version: 0, ip: 0n, port: 0, ip_type: 0 };

/** subtensor's AxonInfo of a hotkey on a subnet (all zero when it serves none). */
export function axonInfo(s: State, netuid: number, hotkey: AccountId): typeof NO_AXON {
  const a = s.get(storage.Axons, [netuid, hotkey]);
  if (a === null) return NO_AXON;
  return {
    block: a.block,
    version: a.version,
    ip: a.ip,
    port: a.port,
    ip_type: a.ipType,
    protocol: a.protocol,
    placeholder1: 0,
    placeholder2: 0,
  };
}

/** A BTreeMap value: entries sorted by the key's encoding, as Rust's map would iterate them. */
export function btreeEntries<K, V>(entries: Iterable<readonly [K, V]>, keyBytes: (k: K) => Uint8Array): [K, V][] {
  const cmp = (a: Uint8Array, b: Uint8Array) => {
    for (let i = 0; i < Math.min(a.length, b.length); i++)
      if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
    return a.length - b.length;
  };
  return [...entries].map(([k, v]) => [k, v] as [K, V]).sort((x, y) => cmp(keyBytes(x[0]), keyBytes(y[0])));
}
