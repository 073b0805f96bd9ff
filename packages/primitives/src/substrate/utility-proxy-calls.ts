/**
 * Utility (11) and Proxy (16): calls that carry calls. Their arguments are `RuntimeCall` values,
 * translated item by item through the other pallets' tables. Proxy types are subtensor's, in
 * subtensor's order; a proxy with a delay announces a call's hash and runs it with proxy_announced.
 */
import type { FromRuntime, PalletCalls } from './call-def.js';
import { callValueOf, RUNTIME_CALL, runtimeCallOf } from './call-enum.js';
import { big, hashBytes, hashHex, multiAddress, multiId, none, optionOf, some } from './call-values.js';
import { PROXY_TYPES } from './proxy-types.js';
import { T } from './scale-type.js';
import { H256, MultiAddress, option } from './types.js';

export const ProxyType = T.variant(
  'node_subtensor_runtime::ProxyType',
  PROXY_TYPES.map((name, index) => ({ name, index, fields: [] })),
);

const calls = { name: 'calls', type: T.vec(RUNTIME_CALL), typeName: 'Vec<<T as Config>::RuntimeCall>' };
const batch = (x: Readonly<Record<string, unknown>>) => ({ calls: (x.calls as unknown[]).map(runtimeCallOf) });

export const UTILITY_CALLS: PalletCalls = {
  pallet: 'Utility',
  index: 11,
  calls: [
    { index: 0, name: 'batch', args: [calls], toRuntime: (x) => ({ method: 'batch', args: batch(x) }) },
    { index: 2, name: 'batch_all', args: [calls], toRuntime: (x) => ({ method: 'batch_all', args: batch(x) }) },
    { index: 4, name: 'force_batch', args: [calls], toRuntime: (x) => ({ method: 'force_batch', args: batch(x) }) },
  ],
};

const nested = (x: Readonly<Record<string, unknown>>) => ({
  calls: (x.calls as { method: string; args: Record<string, unknown> }[]).map(callValueOf),
});

export const UTILITY_FROM_RUNTIME: Readonly<Record<string, FromRuntime>> = {
  batch: (x) => ({ pallet: 'Utility', call: 'batch', args: nested(x) }),
  batch_all: (x) => ({ pallet: 'Utility', call: 'batch_all', args: nested(x) }),
  force_batch: (x) => ({ pallet: 'Utility', call: 'force_batch', args: nested(x) }),
};

const delegateArgs = [
  { name: 'delegate', type: MultiAddress, typeName: 'AccountIdLookupOf<T>' },
  { name: 'proxy_type', type: ProxyType },
  { name: 'delay', type: T.u32, typeName: 'BlockNumberFor<T>' },
];
const lookup = (name: string) => ({ name, type: MultiAddress, typeName: 'AccountIdLookupOf<T>' });
const callHash = { name: 'call_hash', type: H256, typeName: 'CallHashOf<T>' };
const typeName = (v: unknown): string => (v as { tag: string }).tag;
const typeValue = (name: unknown) => ({ tag: String(name), value: undefined });

export const PROXY_CALLS: PalletCalls = {
  pallet: 'Proxy',
  index: 16,
  calls: [
    {
      index: 0,
      name: 'proxy',
      args: [
        { name: 'real', type: MultiAddress, typeName: 'AccountIdLookupOf<T>' },
        { name: 'force_proxy_type', type: option(ProxyType) },
        { name: 'call', type: RUNTIME_CALL, typeName: 'Box<<T as Config>::RuntimeCall>' },
      ],
      docs: ['Dispatch `call` as `real`, whose proxy the signer is.'],
      toRuntime: (x) => {
        const t = optionOf(x.force_proxy_type);
        return {
          method: 'proxy',
          args: {
            real: multiAddress(x.real),
            forceProxyType: t === undefined ? null : typeName(t),
            call: runtimeCallOf(x.call),
          },
        };
      },
    },
    {
      index: 1,
      name: 'add_proxy',
      args: delegateArgs,
      docs: ['Let `delegate` act for this account with the calls `proxy_type` allows.'],
      toRuntime: (x) => ({
        method: 'add_proxy',
        args: { delegate: multiAddress(x.delegate), proxyType: typeName(x.proxy_type), delay: big(x.delay) },
      }),
    },
    {
      index: 2,
      name: 'remove_proxy',
      args: delegateArgs,
      docs: ['Withdraw a proxy.'],
      toRuntime: (x) => ({
        method: 'remove_proxy',
        args: { delegate: multiAddress(x.delegate), proxyType: typeName(x.proxy_type), delay: big(x.delay) },
      }),
    },
    {
      index: 6,
      name: 'announce',
      args: [lookup('real'), callHash],
      docs: ['As a proxy of `real`, announce the hash of a call to make for it after the proxy’s delay.'],
      toRuntime: (x) => ({ method: 'announce', args: { real: multiAddress(x.real), callHash: hashHex(x.call_hash) } }),
    },
    {
      index: 7,
      name: 'remove_announcement',
      args: [lookup('real'), callHash],
      docs: ['Withdraw a call this proxy announced.'],
      toRuntime: (x) => ({
        method: 'remove_announcement',
        args: { real: multiAddress(x.real), callHash: hashHex(x.call_hash) },
      }),
    },
    {
      index: 8,
      name: 'reject_announcement',
      args: [lookup('delegate'), callHash],
      docs: ['Refuse a call a delegate announced for this account.'],
      toRuntime: (x) => ({
        method: 'reject_announcement',
        args: { delegate: multiAddress(x.delegate), callHash: hashHex(x.call_hash) },
      }),
    },
    {
      index: 9,
      name: 'proxy_announced',
      args: [
        lookup('delegate'),
        lookup('real'),
        { name: 'force_proxy_type', type: option(ProxyType) },
        { name: 'call', type: RUNTIME_CALL, typeName: 'Box<<T as Config>::RuntimeCall>' },
      ],
      docs: ['Run a call `delegate` announced for `real` once the proxy’s delay has passed.'],
      toRuntime: (x) => {
        const t = optionOf(x.force_proxy_type);
        return {
          method: 'proxy_announced',
          args: {
            delegate: multiAddress(x.delegate),
            real: multiAddress(x.real),
            forceProxyType: t === undefined ? null : typeName(t),
            call: runtimeCallOf(x.call),
          },
        };
      },
    },
  ],
};

const delegate = (x: Readonly<Record<string, unknown>>) => ({
  delegate: multiId(x.delegate),
  proxy_type: typeValue(x.proxyType),
  delay: Number(x.delay ?? 0n),
});

export const PROXY_FROM_RUNTIME: Readonly<Record<string, FromRuntime>> = {
  proxy: (x) => ({
    pallet: 'Proxy',
    call: 'proxy',
    args: {
      real: multiId(x.real),
      force_proxy_type:
        x.forceProxyType === undefined || x.forceProxyType === null ? none : some(typeValue(x.forceProxyType)),
      call: callValueOf(x.call as { method: string; args: Record<string, unknown> }),
    },
  }),
  add_proxy: (x) => ({ pallet: 'Proxy', call: 'add_proxy', args: delegate(x) }),
  announce: (x) => ({
    pallet: 'Proxy',
    call: 'announce',
    args: { real: multiId(x.real), call_hash: hashBytes(x.callHash) },
  }),
  remove_announcement: (x) => ({
    pallet: 'Proxy',
    call: 'remove_announcement',
    args: { real: multiId(x.real), call_hash: hashBytes(x.callHash) },
  }),
  reject_announcement: (x) => ({
    pallet: 'Proxy',
    call: 'reject_announcement',
    args: { delegate: multiId(x.delegate), call_hash: hashBytes(x.callHash) },
  }),
  proxy_announced: (x) => ({
    pallet: 'Proxy',
    call: 'proxy_announced',
    args: {
      delegate: multiId(x.delegate),
      real: multiId(x.real),
      force_proxy_type:
        x.forceProxyType === undefined || x.forceProxyType === null ? none : some(typeValue(x.forceProxyType)),
      call: callValueOf(x.call as { method: string; args: Record<string, unknown> }),
    },
  }),
  remove_proxy: (x) => ({ pallet: 'Proxy', call: 'remove_proxy', args: delegate(x) }),
};
