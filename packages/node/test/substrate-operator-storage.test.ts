/**
 * The operator items at subtensor's keys, read from the runtime's state: commitments
 * (CommitmentOf, LastCommitment, LastBondsReset, UsedSpaceOf, MaxSpace), child hotkeys
 * (PendingChildKeys, ChildkeyTake), IdentitiesV2, the coldkey-swap items and Proxy.Proxies. Each
 * decodes with the metadata's own type, is absent when the state has nothing, and iterates under a
 * partial key the way the Python SDK's query_map does.
 */
import { accountFromBytes, blake2b256, toHex } from '@taonet/primitives';
import { DEFAULT_NETWORK_PARAMS, State, storage } from '@taonet/runtime';
import { describe, expect, it } from 'vitest';
import type { StorageContext } from '../src/substrate/pallet.js';
import { codecOf } from '../src/substrate/scale-type.js';
import { SubstrateFace } from '../src/substrate/substrate-face.js';

const face = new SubstrateFace(250);
const bytes = (b: number) => new Uint8Array(32).fill(b);
const hot = bytes(1);
const hot2 = bytes(2);
const cold = bytes(3);
const child = bytes(4);
const newCold = bytes(5);
const acc = (b: Uint8Array) => accountFromBytes(b);
const utf8 = (s: string) => new TextEncoder().encode(s);

function item(pallet: string, name: string) {
  const it = face.storage.item(pallet, name);
  if (it === undefined) throw new Error(`no ${pallet}.${name} in the metadata`);
  return it;
}

function read(ctx: StorageContext, pallet: string, name: string, keys: unknown[]): unknown {
  const it = item(pallet, name);
  const b = face.storage.read(ctx, face.storage.encodeKey(it, keys));
  return b === null ? null : codecOf(it.def.value).dec(b);
}

/** Decoded key parts of every present key under `pallet.name`, or under its first key `netuid` (Identity-hashed). */
function keysUnder(ctx: StorageContext, pallet: string, name: string, netuid?: number): unknown[][] {
  const it = item(pallet, name);
  const prefix = netuid === undefined ? it.prefix : Uint8Array.from([...it.prefix, netuid & 0xff, netuid >> 8]);
  return face.storage
    .keys(ctx, prefix, 1000, null)
    .map((k) => face.storage.decodeKey(Buffer.from(k.slice(2), 'hex')).args as unknown[]);
}

function operatorState(): StorageContext {
  const s = new State();
  s.set(storage.CommitmentOf, [1, acc(hot)], {
    fields: [
      { kind: 'raw', data: toHex(utf8('endpoint')) },
      { kind: 'sha256', data: toHex(bytes(9)) },
    ],
    block: 42n,
    deposit: 0n,
  });
  s.set(storage.CommitmentOf, [2, acc(hot2)], {
    fields: [{ kind: 'resetBondsFlag' }, { kind: 'timelockEncrypted', data: toHex(bytes(7)), revealRound: 77n }],
    block: 50n,
    deposit: 0n,
  });
  s.set(storage.RevealedCommitments, [2, acc(hot2)], [{ data: toHex(utf8('hello')), block: 49n }]);
  s.set(storage.LastCommitment, [1, acc(hot)], 42n);
  s.set(storage.LastBondsReset, [2, acc(hot2)], 50n);
  s.set(storage.UsedSpaceOf, [1, acc(hot)], { lastEpoch: 3n, usedSpace: 100n });
  s.put(storage.MaxSpace, 5000);
  s.set(storage.PendingChildKeys, [1, acc(hot)], {
    children: [{ proportion: 1n << 63n, hotkey: acc(child) }],
    cooldownBlock: 7300n,
  });
  s.set(storage.ChildkeyTake, [acc(child), 1], 1000);
  s.set(storage.Identities, acc(cold), {
    name: 'Validator One',
    url: 'https://v.example',
    githubRepo: '',
    image: '',
    discord: 'v#1',
    description: 'fast',
    additional: '',
  });
  s.set(storage.ColdkeySwapAnnouncements, acc(cold), { when: 1234n, newColdkeyHash: toHex(blake2b256(newCold)) });
  s.set(storage.ColdkeySwapDisputes, acc(cold), 1300n);
  s.set(storage.Proxies, acc(cold), [{ delegate: acc(hot), proxyType: 'Staking' as const, delay: 0n }]);
  return { state: s, number: 60n, blockHash: () => null, blockEvents: () => null } as unknown as StorageContext;
}

const empty = (): StorageContext =>
  ({ state: new State(), number: 1n, blockHash: () => null, blockEvents: () => null }) as unknown as StorageContext;

describe('commitments at subtensor’s keys', () => {
  it('CommitmentOf reads deposit, block and the Data fields; absent for a hotkey that never committed', () => {
    const ctx = operatorState();
    expect(read(ctx, 'Commitments', 'CommitmentOf', [1, hot])).toEqual({
      deposit: 0n,
      block: 42,
      info: {
        fields: [
          { tag: 'Raw8', value: utf8('endpoint') },
          { tag: 'Sha256', value: bytes(9) },
        ],
      },
    });
    expect(read(ctx, 'Commitments', 'CommitmentOf', [2, hot2])).toEqual({
      deposit: 0n,
      block: 50,
      info: {
        fields: [
          { tag: 'ResetBondsFlag', value: undefined },
          { tag: 'TimelockEncrypted', value: { encrypted: bytes(7), reveal_round: 77n } },
        ],
      },
    });
    expect(read(ctx, 'Commitments', 'CommitmentOf', [1, hot2])).toBeNull();
    expect(read(empty(), 'Commitments', 'CommitmentOf', [1, hot])).toBeNull();
  });

  it('iterates CommitmentOf under one netuid (get_all_commitments), and the other items', () => {
    const ctx = operatorState();
    expect(keysUnder(ctx, 'Commitments', 'CommitmentOf', 1)).toEqual([[1, hot]]);
    expect(keysUnder(ctx, 'Commitments', 'CommitmentOf').length).toBe(2);
    expect(read(ctx, 'Commitments', 'LastCommitment', [1, hot])).toBe(42);
    expect(read(ctx, 'Commitments', 'LastCommitment', [2, hot2])).toBeNull();
    expect(read(ctx, 'Commitments', 'LastBondsReset', [2, hot2])).toBe(50);
    expect(read(ctx, 'Commitments', 'UsedSpaceOf', [1, hot])).toEqual({ last_epoch: 3n, used_space: 100n });
    expect(read(ctx, 'Commitments', 'MaxSpace', [])).toBe(5000);
    expect(read(empty(), 'Commitments', 'MaxSpace', [])).toBe(3100);
  });

  it('RevealedCommitments: the revealed plaintexts with their blocks; absent where none', () => {
    const ctx = operatorState();
    expect(read(ctx, 'Commitments', 'RevealedCommitments', [2, hot2])).toEqual([[utf8('hello'), 49n]]);
    expect(keysUnder(ctx, 'Commitments', 'RevealedCommitments')).toEqual([[2, hot2]]);
    expect(read(ctx, 'Commitments', 'RevealedCommitments', [1, hot])).toBeNull();
  });
});

describe('child hotkeys, identities and coldkey swaps at subtensor’s keys', () => {
  it('PendingChildKeys and ChildkeyTake', () => {
    const ctx = operatorState();
    expect(read(ctx, 'SubtensorModule', 'PendingChildKeys', [1, hot])).toEqual([[[1n << 63n, child]], 7300n]);
    expect(read(ctx, 'SubtensorModule', 'PendingChildKeys', [2, hot])).toBeNull();
    expect(keysUnder(ctx, 'SubtensorModule', 'PendingChildKeys', 1)).toEqual([[1, hot]]);
    expect(read(ctx, 'SubtensorModule', 'ChildkeyTake', [child, 1])).toBe(1000);
    expect(read(ctx, 'SubtensorModule', 'ChildkeyTake', [child, 2])).toBeNull();
  });

  it('IdentitiesV2 reads the coldkey’s identity as bytes and iterates', () => {
    const ctx = operatorState();
    const id = read(ctx, 'SubtensorModule', 'IdentitiesV2', [cold]) as Record<string, Uint8Array>;
    expect(new TextDecoder().decode(id.name)).toBe('Validator One');
    expect(new TextDecoder().decode(id.discord)).toBe('v#1');
    expect(id.github_repo).toEqual(new Uint8Array());
    expect(read(ctx, 'SubtensorModule', 'IdentitiesV2', [hot])).toBeNull();
    expect(keysUnder(ctx, 'SubtensorModule', 'IdentitiesV2')).toEqual([[cold]]);
  });

  it('coldkey swap announcement, dispute and the delays', () => {
    const ctx = operatorState();
    expect(read(ctx, 'SubtensorModule', 'ColdkeySwapAnnouncements', [cold])).toEqual([1234, blake2b256(newCold)]);
    expect(read(ctx, 'SubtensorModule', 'ColdkeySwapDisputes', [cold])).toBe(1300);
    expect(read(ctx, 'SubtensorModule', 'ColdkeySwapDisputes', [hot])).toBeNull();
    expect(keysUnder(ctx, 'SubtensorModule', 'ColdkeySwapAnnouncements')).toEqual([[cold]]);
    expect(read(ctx, 'SubtensorModule', 'ColdkeySwapAnnouncementDelay', [])).toBe(
      Number(DEFAULT_NETWORK_PARAMS.coldkeySwapAnnouncementDelay),
    );
    expect(read(ctx, 'SubtensorModule', 'ColdkeySwapReannouncementDelay', [])).toBe(
      Number(DEFAULT_NETWORK_PARAMS.coldkeySwapReannouncementDelay),
    );
  });

  it('Proxy.Proxies reads the definitions; an account without proxies reads the default', () => {
    const ctx = operatorState();
    expect(read(ctx, 'Proxy', 'Proxies', [cold])).toEqual([
      [{ delegate: hot, proxy_type: { tag: 'Staking', value: undefined }, delay: 0 }],
      0n,
    ]);
    expect(read(ctx, 'Proxy', 'Proxies', [hot])).toBeNull();
    expect(keysUnder(ctx, 'Proxy', 'Proxies')).toEqual([[cold]]);
  });
});
