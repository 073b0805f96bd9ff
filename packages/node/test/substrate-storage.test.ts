/**
 * Storage at Substrate keys over a real chain (lmdb store, blocks built and imported): key
 * prefixes, values in their metadata types, absent Default items, key iteration, bad keys, and
 * reads at past blocks through the state history, with pruning and archive mode.
 */
import { RAO_PER_TAO, toHex } from '@taonet/primitives';
import { storage } from '@taonet/runtime';
import { describe, expect, it } from 'vitest';
import { Chain } from '../src/chain/chain.js';
import { devAccount, devChainSpec } from '../src/chain-spec.js';
import { AuthorityRound } from '../src/consensus/authority-round.js';
import { devKeypair, initCrypto } from '../src/crypto.js';
import { HistoricalState } from '../src/storage/historical-state.js';
import type { StatePruning } from '../src/storage/state-history.js';
import { AccountInfo } from '../src/substrate/pallets/system.js';
import { codecOf } from '../src/substrate/scale-type.js';
import { StorageKeyError } from '../src/substrate/storage-keys.js';
import { contextAtNumber, headContext, SubstrateFace } from '../src/substrate/substrate-face.js';
import { devTx } from './support/dev-tx.js';

await initCrypto();
const spec = devChainSpec(250);
const alice = devKeypair('//Alice');
const face = new SubstrateFace(250);

async function openChain(pruning?: StatePruning): Promise<Chain> {
  return Chain.open(
    spec,
    null,
    new AuthorityRound(spec.authorities, spec.blockTimeMs),
    pruning === undefined ? {} : { statePruning: pruning },
  );
}

/** One block with a transfer of `amount` from Alice to Bob (nonce from state). */
function transferBlock(chain: Chain, amount: bigint): void {
  aliceBlock(chain, { method: 'transfer', args: { dest: devAccount('Bob'), amount } });
}

/** One block with one call signed by Alice (the dev admin), nonce from state. */
function aliceBlock(chain: Chain, call: { method: string; args: Record<string, unknown> }): void {
  const nonce = chain.state.get(storage.Accounts, devAccount('Alice'))?.nonce ?? 0n;
  const tx = devTx(chain, 'Alice', nonce, call);
  const slot = chain.head.slot + 1n;
  const built = chain.buildBlock({
    key: alice,
    author: devAccount('Alice'),
    timestamp: slot * 250n,
    slot,
    candidates: [tx],
  });
  chain.importBlock(built.block);
}

const accountKey = (who: string) =>
  face.storage.encodeKey(face.storage.item('System', 'Account') ?? never(), [Buffer.from(who.slice(2), 'hex')]);
function never(): never {
  throw new Error('missing item');
}
const freeOf = (bytes: Uint8Array | null) =>
  bytes === null ? 0n : (codecOf(AccountInfo).dec(bytes) as { data: { free: bigint } }).data.free;

describe('storage at Substrate keys', () => {
  it('System.Account has the well-known prefix and reads the account in u64 AccountData', async () => {
    const chain = await openChain();
    const bob = devAccount('Bob');
    const key = accountKey(bob);
    expect(toHex(key).slice(0, 66)).toBe('0x26aa394eea5630e07c48ae0c9558cef7b99d880ec681799c0cf30e8886371da9');
    expect(toHex(key).endsWith(bob.slice(2))).toBe(true);
    const v = face.storage.read(headContext(chain), key);
    expect(freeOf(v)).toBe(chain.state.get(storage.Accounts, bob)?.free);
    // An account that never existed is absent (clients decode the metadata default).
    expect(face.storage.read(headContext(chain), accountKey(`0x${'77'.repeat(32)}`))).toBeNull();
    await chain.close();
  });

  it('SubtensorModule items sit under twox128("SubtensorModule"); TotalNetworks and NetworksAdded keys', async () => {
    const chain = await openChain();
    const ctx = headContext(chain);
    const total = face.storage.item('SubtensorModule', 'TotalNetworks') ?? never();
    expect(total.prefixHex.slice(0, 34)).toBe('0x658faa385070e074c85bf6b568cf0555');
    const n = chain.state.value(storage.Netuids).length;
    expect(face.storage.read(ctx, total.prefix)).toEqual(codecOf(total.def.value).enc(n as never));
    const added = face.storage.item('SubtensorModule', 'NetworksAdded') ?? never();
    const keys = face.storage.keys(ctx, added.prefix, 1000, null);
    expect(keys).toHaveLength(n);
    expect(keys.map((k) => face.storage.decodeKey(Buffer.from(k.slice(2), 'hex')).args[0])).toEqual(
      chain.state.value(storage.Netuids),
    );
    await chain.close();
  });

  it('MevShield.NextKey sits at the key clients read and is None (Taonet announces no shield key)', async () => {
    const chain = await openChain();
    const next = face.storage.item('MevShield', 'NextKey') ?? never();
    expect(next.prefixHex).toBe('0x9e94fc9ecf3c8d51c7baba39080fb4339ab50f1d245f1373b95e2a965fa883ac');
    expect(face.storage.read(headContext(chain), next.prefix)).toBeNull();
    await chain.close();
  });

  it("AdminFreezeWindow and OwnerHyperparamRateLimit at subtensor's keys: absent at the default, then the admin's u16", async () => {
    const chain = await openChain();
    const window = face.storage.item('SubtensorModule', 'AdminFreezeWindow') ?? never();
    const rate = face.storage.item('SubtensorModule', 'OwnerHyperparamRateLimit') ?? never();
    // twox128("SubtensorModule") ++ twox128(item), computed outside Taonet (Python xxhash).
    expect(window.prefixHex).toBe('0x658faa385070e074c85bf6b568cf0555a33f386f70fb019c63605a607b692532');
    expect(rate.prefixHex).toBe('0x658faa385070e074c85bf6b568cf0555b0de68017bccc12ad7dc7c6308f746a7');
    expect(face.storage.read(headContext(chain), window.prefix)).toBeNull();
    expect(face.storage.read(headContext(chain), rate.prefix)).toBeNull();
    aliceBlock(chain, { method: 'sudo_set_admin_freeze_window', args: { window: 0 } });
    aliceBlock(chain, { method: 'sudo_set_owner_hparam_rate_limit', args: { epochs: 7 } });
    expect(chain.state.value(storage.AdminFreezeWindow)).toBe(0);
    expect(toHex(face.storage.read(headContext(chain), window.prefix) ?? new Uint8Array())).toBe('0x0000');
    expect(toHex(face.storage.read(headContext(chain), rate.prefix) ?? new Uint8Array())).toBe('0x0700');
    // Block 1 had the window set, not yet the rate limit.
    expect(toHex(face.storage.read(contextAtNumber(chain, 1n), window.prefix) ?? new Uint8Array())).toBe('0x0000');
    expect(face.storage.read(contextAtNumber(chain, 1n), rate.prefix)).toBeNull();
    await chain.close();
  });

  it('pages keys in key order across items, resuming after startKey', async () => {
    const chain = await openChain();
    const ctx = headContext(chain);
    const prefix = (face.storage.item('System', 'Account') ?? never()).prefix;
    const all = face.storage.keys(ctx, prefix, 1000, null);
    expect(all.length).toBeGreaterThan(3);
    expect([...all].sort()).toEqual(all);
    const first = face.storage.keys(ctx, prefix, 2, null);
    const rest = face.storage.keys(ctx, prefix, 1000, Buffer.from((first[1] as string).slice(2), 'hex'));
    expect([...first, ...rest]).toEqual(all);
    // A shorter prefix (the pallet) covers several items.
    const pallet = face.storage.keys(ctx, prefix.subarray(0, 16), 10_000, null);
    expect(pallet.length).toBeGreaterThan(all.length);
    await chain.close();
  });

  it('refuses keys of the wrong length or of no item, with a typed error', async () => {
    const chain = await openChain();
    const ctx = headContext(chain);
    const key = accountKey(devAccount('Bob'));
    const err = (k: Uint8Array) => {
      try {
        face.storage.read(ctx, k);
      } catch (e) {
        return e instanceof StorageKeyError ? e.code : String(e);
      }
      return 'no error';
    };
    expect(err(key.subarray(0, key.length - 1))).toBe('BadStorageKeyLength');
    expect(err(new Uint8Array(40))).toBe('UnknownStorageItem');
    const tampered = key.slice();
    tampered[40] = (tampered[40] as number) ^ 1; // inside the blake2_128 digest
    expect(err(tampered)).toBe('UnknownStorageItem');
    await chain.close();
  });
});

describe('reads at past blocks', () => {
  it('reads each past block’s values, and the head does not change', async () => {
    const chain = await openChain();
    const bob = devAccount('Bob');
    const seen: bigint[] = [chain.state.get(storage.Accounts, bob)?.free ?? 0n];
    for (let i = 1; i <= 6; i++) {
      transferBlock(chain, BigInt(i) * RAO_PER_TAO);
      seen.push(chain.state.get(storage.Accounts, bob)?.free ?? 0n);
    }
    for (let b = 0; b <= 6; b++) {
      const ctx = contextAtNumber(chain, BigInt(b));
      expect(freeOf(face.storage.read(ctx, accountKey(bob))), `block ${b}`).toBe(seen[b]);
      // Key iteration at a past block too.
      expect(new HistoricalState(chain.store, BigInt(b)).entries(storage.Accounts).length).toBe(
        chain.state.entries(storage.Accounts).length,
      );
    }
    expect(freeOf(face.storage.read(headContext(chain), accountKey(bob)))).toBe(seen[6]);
    // Runtime APIs at a past block read the same history: Alice sent one transfer per block.
    const aliceBytes = new Uint8Array(Buffer.from(devAccount('Alice').slice(2), 'hex'));
    for (let b = 0; b <= 6; b++) {
      const ctx = contextAtNumber(chain, BigInt(b));
      const nonce = face.call('AccountNonceApi_account_nonce', aliceBytes, ctx);
      expect(Buffer.from(nonce).readUInt32LE(0), `nonce at block ${b}`).toBe(b);
      const all = face.call('SubnetInfoRuntimeApi_get_all_dynamic_info', new Uint8Array(0), ctx);
      expect(all[0], 'one subnet (root) at every block').toBe(chain.state.value(storage.Netuids).length << 2);
    }
    await chain.close();
  });

  it('an account created later is absent at earlier blocks', async () => {
    const chain = await openChain();
    const fresh = `0x${'42'.repeat(32)}`;
    const nonce = chain.state.get(storage.Accounts, devAccount('Alice'))?.nonce ?? 0n;
    const tx = devTx(chain, 'Alice', nonce, { method: 'transfer', args: { dest: fresh, amount: RAO_PER_TAO } });
    const slot = chain.head.slot + 1n;
    chain.importBlock(
      chain.buildBlock({ key: alice, author: devAccount('Alice'), timestamp: slot * 250n, slot, candidates: [tx] })
        .block,
    );
    const at0 = new HistoricalState(chain.store, 0n);
    const at1 = new HistoricalState(chain.store, 1n);
    expect(at0.get(storage.Accounts, fresh as never)).toBeNull();
    expect(at1.get(storage.Accounts, fresh as never)?.free).toBe(RAO_PER_TAO);
    expect(at0.entries(storage.Accounts).some(([k]) => k === fresh)).toBe(false);
    await chain.close();
  });

  it('prunes history beyond the window; archive keeps everything', async () => {
    const pruned = await openChain(3);
    const archive = await openChain('archive');
    for (let i = 0; i < 6; i++) {
      transferBlock(pruned, RAO_PER_TAO);
      transferBlock(archive, RAO_PER_TAO);
    }
    // Head 6, window 3: blocks 4, 5, 6 readable.
    expect(pruned.store.historyFrom()).toBe(4n);
    expect(archive.store.historyFrom()).toBe(0n);
    const bob = devAccount('Bob');
    const at4 = new HistoricalState(pruned.store, 4n).get(storage.Accounts, bob)?.free;
    expect(at4).toBe(new HistoricalState(archive.store, 4n).get(storage.Accounts, bob)?.free);
    await pruned.close();
    await archive.close();
  });
});
