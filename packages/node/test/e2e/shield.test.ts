/**
 * The MEV shield on a real dev node (shared/spec/mev-shield.md §7): NextKey is announced from the
 * first blocks; a carrier encrypted to it lands with its inner extrinsic right after it, and the
 * inner runs as its own signer; the pool refuses carriers with a long era or a blob that does not
 * parse; a carrier for a key the author never announced is never included; a carrier whose inner
 * does not open, or is itself a carrier, lands alone and its signer pays only its fee.
 */
import { randomBytes } from 'node:crypto';
import { type Call, RAO_PER_TAO, type SignedExtrinsic, shieldKeypairFromSeed, toHex } from '@taonet/primitives';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Key, key, NodeProcess } from './harness.js';
import { encryptTo, freeOf, landedAt, readNextKey, signCall } from './shield-support.js';

const TAO = RAO_PER_TAO;
let node: NodeProcess;

beforeAll(async () => {
  node = await NodeProcess.start();
  await node.seal(3);
}, 60_000);
afterAll(async () => {
  await node?.kill();
});

const nextKey = (): Promise<Uint8Array> => readNextKey(node);
const signed = (signer: Key, call: Call, nonce: bigint, era = 8): Promise<SignedExtrinsic> =>
  signCall(node, signer, call, nonce, { era });
const encrypt = encryptTo;
const free = (who: Key): Promise<bigint> => freeOf(node, who);
const blockOf = (txHash: string) => landedAt(node, txHash);

describe('MEV shield', () => {
  it('NextKey holds a 1184-byte key that rotates block to block', async () => {
    const a = await nextKey();
    await node.seal(1);
    const b = await nextKey();
    expect(a.length).toBe(1184);
    expect(toHex(a)).not.toBe(toHex(b));
  });

  it('a carrier lands with its inner right after it; the inner runs as its own signer', async () => {
    const alice = key('Alice');
    const bob = key('Bob');
    const dest = key('//Taonet//shielded');
    const n = await node.nextNonce(alice);
    const inner = await signed(
      bob,
      { method: 'transfer', args: { dest: dest.id, amount: 7n * TAO } },
      await node.nextNonce(bob),
    );
    const carrier = await signed(
      alice,
      { method: 'submit_encrypted', args: { ciphertext: encrypt(await nextKey(), inner.bytes) } },
      n,
    );
    // The pool shows only the carrier, raw and decoded; the inner is nowhere.
    await node.rpc('author_submitExtrinsic', [toHex(carrier.bytes)]);
    const pending = await node.rpc<string[]>('author_pendingExtrinsics');
    expect(pending).toEqual([toHex(carrier.bytes)]);
    const decoded = await node.rpc<{ hash: string; call: { method: string } }[]>('taonet_pendingExtrinsics');
    expect(decoded.map((x) => [x.hash, x.call.method])).toEqual([[carrier.hash, 'submit_encrypted']]);
    expect(JSON.stringify(decoded)).not.toContain(inner.hash.slice(2));
    expect(await node.rpc('taonet_extrinsicStatus', [inner.hash])).toBeNull();
    await node.seal(1);
    const c = await blockOf(carrier.hash);
    const i = await blockOf(inner.hash);
    expect(c).not.toBeNull();
    expect(i?.number).toBe(c?.number);
    expect(i?.index).toBe((c?.index ?? -1) + 1);
    expect(await free(dest)).toBe(7n * TAO);
    // After inclusion the author links them both ways.
    const block = await node.rpc<{ extrinsics: { hash: string; carries?: string; carriedBy?: string }[] }>(
      'taonet_getBlock',
      [c?.number],
    );
    expect(block.extrinsics[c?.index ?? -1]).toMatchObject({ hash: carrier.hash, carries: inner.hash });
    expect(block.extrinsics[i?.index ?? -1]).toMatchObject({ hash: inner.hash, carriedBy: carrier.hash });
    expect(await node.rpc('taonet_extrinsicStatus', [inner.hash])).toMatchObject({ carriedBy: carrier.hash });
    expect(await node.rpc('taonet_extrinsicStatus', [carrier.hash])).toMatchObject({ carries: inner.hash });
    const events = await node.rpc<{ extrinsics: { events: { name: string; data: Record<string, unknown> }[] }[] }>(
      'taonet_getEvents',
      [c?.number],
    );
    const submitted = events.extrinsics[c?.index ?? 0]?.events.find((e) => e.name === 'EncryptedSubmitted');
    expect(submitted?.data.who).toBe(alice.id);
  });

  it('the pool refuses a carrier with a long or no era (Stale) and an unparseable blob (Custom 23)', async () => {
    const alice = key('Alice');
    const n = await node.nextNonce(alice);
    const blob = encrypt(await nextKey(), new Uint8Array([4, 1, 2, 3, 4]));
    for (const era of [16, 0]) {
      const c = await signed(alice, { method: 'submit_encrypted', args: { ciphertext: blob } }, n, era);
      const r = await node.request('author_submitExtrinsic', [toHex(c.bytes)]);
      expect(r.error?.code).toBe(1010);
      expect(r.error?.data.name).toBe('Stale');
    }
    const bad = await signed(alice, { method: 'submit_encrypted', args: { ciphertext: new Uint8Array(5) } }, n);
    const r = await node.request('author_submitExtrinsic', [toHex(bad.bytes)]);
    expect(r.error?.data.name).toBe('FailedShieldedTxParsing');
    expect(r.error?.data.explanation).toMatch(/Custom error: 23/);
  });

  it('a carrier for a key the author never announced is never included and changes nothing', async () => {
    const charlie = key('Charlie');
    const before = await free(charlie);
    const foreign = shieldKeypairFromSeed(randomBytes(64)).publicKey;
    const inner = await signed(
      charlie,
      { method: 'transfer', args: { dest: key('Dave').id, amount: TAO } },
      1n + (await node.nextNonce(charlie)),
    );
    const carrier = await signed(
      charlie,
      { method: 'submit_encrypted', args: { ciphertext: encrypt(foreign, inner.bytes) } },
      await node.nextNonce(charlie),
    );
    await node.rpc('author_submitExtrinsic', [toHex(carrier.bytes)]);
    await node.seal(10);
    expect(await blockOf(carrier.hash)).toBeNull();
    expect(await node.rpc<string[]>('author_pendingExtrinsics')).not.toContain(toHex(carrier.bytes));
    expect(await free(charlie)).toBe(before);
  });

  it('a blob that does not open, or opens to another carrier, lands alone: only the carrier fee is paid', async () => {
    const dave = key('Dave');
    const pk = await nextKey();
    const garbage = encrypt(pk, inner0());
    garbage[garbage.length - 1] = (garbage.at(-1) ?? 0) ^ 1; // flip the AEAD tag
    const before = await free(dave);
    const c1 = await signed(
      dave,
      { method: 'submit_encrypted', args: { ciphertext: garbage } },
      await node.nextNonce(dave),
    );
    await node.rpc('author_submitExtrinsic', [toHex(c1.bytes)]);
    await node.seal(1);
    const at = await blockOf(c1.hash);
    expect(at).not.toBeNull();
    const block = await node.rpc<{ extrinsics: { carries?: string }[] }>('taonet_getBlock', [at?.number]);
    expect(block.extrinsics.length).toBe((at?.index ?? 0) + 1);
    expect(block.extrinsics[at?.index ?? -1]?.carries).toBeUndefined();
    const paid = before - (await free(dave));
    expect(paid).toBeGreaterThan(0n);
    expect(paid).toBeLessThan(TAO / 100n);
    // A carrier inside a carrier: the outer lands, the inner carrier is not run.
    const n = await node.nextNonce(dave);
    const innerCarrier = await signed(
      dave,
      { method: 'submit_encrypted', args: { ciphertext: encrypt(await nextKey(), inner0()) } },
      n + 1n,
    );
    const outer = await signed(
      dave,
      { method: 'submit_encrypted', args: { ciphertext: encrypt(await nextKey(), innerCarrier.bytes) } },
      n,
    );
    await node.rpc('author_submitExtrinsic', [toHex(outer.bytes)]);
    await node.seal(1);
    expect(await blockOf(outer.hash)).not.toBeNull();
    expect(await blockOf(innerCarrier.hash)).toBeNull();
  });
});

/** Some valid-looking length-prefixed bytes (not a real extrinsic). */
function inner0(): Uint8Array {
  return new Uint8Array([16, 0x84, 0, 1, 2]);
}
