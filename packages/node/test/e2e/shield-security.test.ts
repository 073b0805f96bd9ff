/**
 * MEV-shield security cases on a real dev node (shared/spec/mev-shield.md §4.2, §4.3, §7 items 9–11):
 * each hostile or broken carrier ends as the spec says, and this test checks all three parts of
 * that: who pays (the carrier's signer exactly its fee, or nobody), which event (EncryptedSubmitted
 * and ExtrinsicSuccess for the carrier, no failure event, nothing for the inner), and that no other
 * account's balance or nonce moved.
 */
import { randomBytes } from 'node:crypto';
import {
  RAO_PER_TAO,
  type SignedExtrinsic,
  SHIELD_MAX_BLOB_BYTES,
  SHIELD_MAX_PLAINTEXT_BYTES,
  shieldKeyHash,
  shieldKeypairFromSeed,
  toHex,
} from '@taonet/primitives';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Key, key, NodeProcess } from './harness.js';
import { carrierFor, encryptTo, eventsOf, freeOf, landedAt, readNextKey, signCall } from './shield-support.js';

const TAO = RAO_PER_TAO;
/** The dev chain's acceptance window at 250 ms blocks (spec §4.3). */
const W = 8;
let node: NodeProcess;

// Alice authors every block and receives the fees, so she is never a party here.
const bob = key('Bob');
const charlie = key('Charlie');
const dave = key('Dave');
const eve = key('Eve');
const ferdie = key('Ferdie');
const dest = key('//Taonet//shield-security');
const watched = [bob, charlie, dave, eve, ferdie, dest];

beforeAll(async () => {
  node = await NodeProcess.start();
  await node.seal(12); // old enough for an expired-era inner
}, 60_000);
afterAll(async () => {
  await node?.kill();
});

type Snapshot = Map<string, { free: bigint; nonce: bigint }>;
async function snapshot(): Promise<Snapshot> {
  const out: Snapshot = new Map();
  for (const k of watched) out.set(k.uri, { free: await freeOf(node, k), nonce: await node.nextNonce(k) });
  return out;
}

const transfer = (amount: bigint) => ({ method: 'transfer', args: { dest: dest.id, amount } });

/**
 * Submits `carrier`, seals one block, and checks the spec's "carrier only" outcome: it is the last
 * extrinsic of its block, it emitted EncryptedSubmitted and succeeded, its signer paid exactly its
 * fee and used one nonce, and nobody else's balance or nonce changed. `inner`, when given, is
 * nowhere on chain.
 */
async function expectCarrierOnly(carrier: SignedExtrinsic, payer: Key, inner?: SignedExtrinsic): Promise<void> {
  const before = await snapshot();
  await node.rpc('author_submitExtrinsic', [toHex(carrier.bytes)]);
  await node.seal(1);
  const at = await landedAt(node, carrier.hash);
  expect(at).not.toBeNull();
  const block = await eventsOf(node, at?.number ?? -1);
  expect(block.extrinsics.length).toBe((at?.index ?? -1) + 1);
  const r = block.extrinsics[at?.index ?? -1];
  expect(r?.ok).toBe(true);
  const names = r?.events.map((e) => e.name) ?? [];
  expect(names).toContain('EncryptedSubmitted');
  expect(names).not.toContain('ExtrinsicFailed');
  // Every other extrinsic of the block is a fee-less inherent.
  for (const [i, x] of block.extrinsics.entries()) if (i !== at?.index) expect(x.fee).toBe('0');
  if (inner !== undefined) expect(await landedAt(node, inner.hash)).toBeNull();
  const after = await snapshot();
  for (const k of watched) {
    const b = before.get(k.uri);
    const a = after.get(k.uri);
    if (k === payer) {
      expect(a?.free).toBe((b?.free ?? 0n) - BigInt(r?.fee ?? -1));
      expect(a?.nonce).toBe((b?.nonce ?? 0n) + 1n);
    } else expect(a, k.uri).toEqual(b);
  }
}

/** Submits `carrier`, seals past its era, and checks that it never landed and nothing changed. */
async function expectNeverIncluded(carrier: SignedExtrinsic): Promise<void> {
  const before = await snapshot();
  await node.rpc('author_submitExtrinsic', [toHex(carrier.bytes)]);
  await node.seal(W + 2);
  expect(await landedAt(node, carrier.hash)).toBeNull();
  expect(await node.rpc<string[]>('author_pendingExtrinsics')).not.toContain(toHex(carrier.bytes));
  expect(await snapshot()).toEqual(before);
}

/** The pool refuses `carrier` with `name`; it lands nowhere new and nothing changes. */
async function expectRefused(carrier: SignedExtrinsic, name: string): Promise<void> {
  const before = await snapshot();
  const was = await landedAt(node, carrier.hash);
  const r = await node.request('author_submitExtrinsic', [toHex(carrier.bytes)]);
  expect(r.error?.data?.name).toBe(name);
  await node.seal(1);
  expect(await landedAt(node, carrier.hash)).toEqual(was);
  expect(await snapshot()).toEqual(before);
}

describe('MEV shield: a bad inner extrinsic leaves only the carrier', () => {
  it('an inner with a forged signature', async () => {
    const inner = await signCall(node, charlie, transfer(TAO), await node.nextNonce(charlie), { signWith: dave });
    const carrier = await carrierFor(node, bob, encryptTo(await readNextKey(node), inner.bytes));
    await expectCarrierOnly(carrier, bob, inner);
  });

  it('an inner with a used nonce, and one with a nonce far ahead', async () => {
    await node.exec(charlie, 'transfer', { dest: dest.id, amount: 1n }); // Charlie has a used nonce
    for (const nonce of [(await node.nextNonce(charlie)) - 1n, (await node.nextNonce(charlie)) + 5n]) {
      const inner = await signCall(node, charlie, transfer(TAO), nonce);
      const carrier = await carrierFor(node, bob, encryptTo(await readNextKey(node), inner.bytes));
      await expectCarrierOnly(carrier, bob, inner);
    }
  });

  it('an inner whose era has run out', async () => {
    const head = (await node.head()).number;
    const inner = await signCall(node, charlie, transfer(TAO), await node.nextNonce(charlie), {
      era: 4,
      birth: head - 10n,
    });
    const carrier = await carrierFor(node, bob, encryptTo(await readNextKey(node), inner.bytes));
    await expectCarrierOnly(carrier, bob, inner);
  });

  it('an inner that is itself a (valid) carrier is not run', async () => {
    const pk = await readNextKey(node);
    const deepest = await signCall(node, charlie, transfer(TAO), await node.nextNonce(charlie));
    const nested = await carrierFor(node, dave, encryptTo(pk, deepest.bytes));
    const outer = await carrierFor(node, bob, encryptTo(pk, nested.bytes));
    await expectCarrierOnly(outer, bob, nested);
    expect(await landedAt(node, deepest.hash)).toBeNull();
  });
});

describe('MEV shield: a replayed carrier', () => {
  it('the same carrier again is refused by the pool; its blob in a new carrier lands alone', async () => {
    const inner = await signCall(node, charlie, transfer(2n * TAO), await node.nextNonce(charlie));
    const blob = encryptTo(await readNextKey(node), inner.bytes);
    const carrier = await carrierFor(node, bob, blob);
    await node.rpc('author_submitExtrinsic', [toHex(carrier.bytes)]);
    await node.seal(1);
    expect(await landedAt(node, inner.hash)).not.toBeNull();
    const destAfterFirst = await freeOf(node, dest);

    // Byte for byte: the node knows it is already on chain (its nonce is used as well).
    await expectRefused(carrier, 'AlreadyImported');
    // The same blob under Eve's fresh carrier: the inner's nonce is used, so only the carrier lands.
    const replay = await carrierFor(node, eve, blob);
    await expectCarrierOnly(replay, eve);
    expect(await freeOf(node, dest)).toBe(destAfterFirst);
  });
});

describe('MEV shield: blobs that are garbage, oversized, or for a wrong or old key', () => {
  it('garbage after the right key hash: the carrier alone', async () => {
    const pk = await readNextKey(node);
    const blob = new Uint8Array(16 + 2 + 1088 + 24 + 200);
    blob.set(randomBytes(blob.length));
    blob.set(shieldKeyHash(pk), 0);
    blob.set([1088 & 0xff, 1088 >> 8], 16);
    await expectCarrierOnly(await carrierFor(node, bob, blob), bob);
  });

  it('garbage that does not parse: refused at submit with Custom(23)', async () => {
    const blob = randomBytes(600);
    blob.set([0xff, 0xff], 16); // a KEM part of 65535 bytes runs past the end
    await expectRefused(await carrierFor(node, bob, blob), 'FailedShieldedTxParsing');
  });

  it('a blob of the largest size lands; one byte more is refused', async () => {
    const pk = await readNextKey(node);
    const padded = encryptTo(pk, new Uint8Array(SHIELD_MAX_PLAINTEXT_BYTES));
    expect(padded.length).toBe(SHIELD_MAX_BLOB_BYTES);
    await expectCarrierOnly(await carrierFor(node, bob, padded), bob);
    const over = new Uint8Array(SHIELD_MAX_BLOB_BYTES + 1);
    over.set(padded);
    await expectRefused(await carrierFor(node, bob, over), 'FailedShieldedTxParsing');
  });

  it('a blob for a key no author announced is never included', async () => {
    const foreign = shieldKeypairFromSeed(randomBytes(64)).publicKey;
    const inner = await signCall(node, charlie, transfer(TAO), await node.nextNonce(charlie));
    await expectNeverIncluded(await carrierFor(node, bob, encryptTo(foreign, inner.bytes)));
  });

  it('a blob for a key read more than W blocks ago is never included; one read W − 2 blocks ago lands', async () => {
    const old = await readNextKey(node);
    await node.seal(W + 1);
    const inner = await signCall(node, charlie, transfer(TAO), await node.nextNonce(charlie));
    await expectNeverIncluded(await carrierFor(node, bob, encryptTo(old, inner.bytes)));

    // A late client: it read NextKey and signed, then took W − 2 blocks to submit.
    const late = await readNextKey(node);
    const lateInner = await signCall(node, charlie, transfer(3n * TAO), await node.nextNonce(charlie));
    await node.seal(W - 2);
    const destBefore = await freeOf(node, dest);
    const carrier = await carrierFor(node, bob, encryptTo(late, lateInner.bytes));
    await node.rpc('author_submitExtrinsic', [toHex(carrier.bytes)]);
    await node.seal(1);
    const c = await landedAt(node, carrier.hash);
    const i = await landedAt(node, lateInner.hash);
    expect(c).not.toBeNull();
    expect(i).toEqual({ number: c?.number, index: (c?.index ?? -1) + 1 });
    expect(await freeOf(node, dest)).toBe(destBefore + 3n * TAO);
  });
});

describe('MEV shield: the acceptance window is what lets a late client land', () => {
  it('with --shield-window 2 (about subtensor’s rule) a carrier 4 blocks late is skipped; the default W lands it', async () => {
    const narrow = await NodeProcess.start({ args: ['--shield-window', '2'] });
    try {
      await narrow.seal(3);
      for (const [n, lands] of [
        [narrow, false],
        [node, true],
      ] as const) {
        const pk = await readNextKey(n);
        const inner = await signCall(n, charlie, transfer(TAO), await n.nextNonce(charlie));
        await n.seal(3);
        const carrier = await carrierFor(n, bob, encryptTo(pk, inner.bytes));
        await n.rpc('author_submitExtrinsic', [toHex(carrier.bytes)]);
        await n.seal(1);
        expect((await landedAt(n, inner.hash)) !== null, `lands: ${lands}`).toBe(lands);
        expect((await landedAt(n, carrier.hash)) !== null).toBe(lands);
      }
    } finally {
      await narrow.kill();
    }
  });

  it('a window outside 2…8 is refused at start with a typed error', async () => {
    await expect(NodeProcess.start({ args: ['--shield-window', '9'] })).rejects.toThrow(/BadShieldWindow/);
  });
});
