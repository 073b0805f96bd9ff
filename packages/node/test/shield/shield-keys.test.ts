import { inspect } from 'node:util';
import { sha256 } from '@noble/hashes/sha2.js';
import { decryptShieldBlob, encryptShieldBlob, parseShieldBlob, shieldKeyHash, toHex } from '@taonet/primitives';
import { describe, expect, it } from 'vitest';
import { AcceptanceWindowError, acceptanceWindow } from '../../src/shield/acceptance-window.js';
import { AuthorKeyring, MAX_HELD_KEYS } from '../../src/shield/author-keyring.js';
import type { AccountId } from '@taonet/primitives';
import { announceNextKey, Ctx, RuntimeError, State, storage } from '@taonet/runtime';

/** The runtime's key state, read the way the pipeline tests look at it. */
class ShieldKeyStorage {
  readonly state = new State();
  private get k() {
    return this.state.value(storage.ShieldKeyState);
  }
  get currentKey() {
    return this.k.currentKey;
  }
  get pendingKey() {
    return this.k.pendingKey;
  }
  get nextKey() {
    return this.k.nextKey;
  }
  get pendingKeyExpiresAt() {
    return this.k.pendingKeyExpiresAt;
  }
  get nextKeyExpiresAt() {
    return this.k.nextKeyExpiresAt;
  }
  readonly authorKeys = {
    get: (a: string) => this.state.get(storage.ShieldAuthorKeys, a as AccountId) ?? undefined,
    has: (a: string) => this.state.get(storage.ShieldAuthorKeys, a as AccountId) !== null,
  };
}
const EMPTY_SHIELD_KEYS = (): ShieldKeyStorage => new ShieldKeyStorage();

/** Runs the runtime's announce_next_key on `s` (as a block would, all or nothing); the error code or null. */
function announce(
  s: ShieldKeyStorage,
  c: { blockNumber: number; slot: bigint | undefined; authorities: string[]; encKey: Uint8Array | undefined },
): string | null {
  const ctx = new Ctx(s.state, {
    number: BigInt(c.blockNumber),
    parentHash: '0x',
    author: null,
    timestamp: 0n,
    ...(c.slot === undefined ? {} : { slot: c.slot }),
    authorities: c.authorities as AccountId[],
  });
  s.state.checkpoint();
  try {
    announceNextKey(ctx, c.encKey ?? null);
    s.state.commit();
    return null;
  } catch (e) {
    s.state.revert();
    if (e instanceof RuntimeError) return e.code;
    throw e;
  }
}

function seeded(label: string): (n: number) => Uint8Array {
  let counter = 0;
  return (n) => {
    const out = new Uint8Array(n);
    for (let o = 0; o < n; o += 32)
      out.set(sha256(new TextEncoder().encode(`${label}/${counter++}`)).subarray(0, n - o), o);
    return out;
  };
}

const rnd = { encapsulation: new Uint8Array(32).fill(7), nonce: new Uint8Array(24).fill(8) };
const key = (b: number) => new Uint8Array(1184).fill(b);

function rotate(s: ShieldKeyStorage, blockNumber: number, authorities: string[], encKey: Uint8Array | undefined) {
  const error = announce(s, { blockNumber, slot: BigInt(blockNumber), authorities, encKey });
  if (error !== null) throw new Error(error);
  return s;
}

describe('acceptance window W', () => {
  it('is clamp(⌈3 s / block time⌉, 2, 8)', () => {
    expect(acceptanceWindow(250)).toBe(8);
    expect(acceptanceWindow(500)).toBe(6);
    expect(acceptanceWindow(1000)).toBe(3);
    expect(acceptanceWindow(12_000)).toBe(2);
  });

  it('a configured W must be a whole number from 2 to 8', () => {
    expect(acceptanceWindow(250, 5)).toBe(5);
    for (const bad of [1, 9, 2.5]) expect(() => acceptanceWindow(250, bad)).toThrow(AcceptanceWindowError);
    expect(() => acceptanceWindow(0)).toThrow(AcceptanceWindowError);
  });
});

describe('announce_next_key pipeline (§4.1)', () => {
  it('shifts Current ← Pending ← Next and reads NextKey before writing the author key (one author)', () => {
    let s = EMPTY_SHIELD_KEYS();
    s = rotate(s, 1, ['A'], key(1));
    expect(s.nextKey).toBeUndefined();
    expect(s.authorKeys.get('A')).toEqual(key(1));
    s = rotate(s, 2, ['A'], key(2));
    expect(s.nextKey).toEqual(key(1));
    expect(s.nextKeyExpiresAt).toBe(5);
    expect(s.pendingKey).toBeUndefined();
    expect(s.pendingKeyExpiresAt).toBeUndefined();
    s = rotate(s, 3, ['A'], key(3));
    expect([s.currentKey, s.pendingKey, s.nextKey]).toEqual([undefined, key(1), key(2)]);
    expect(s.pendingKeyExpiresAt).toBe(5);
    s = rotate(s, 4, ['A'], key(4));
    expect([s.currentKey, s.pendingKey, s.nextKey]).toEqual([key(1), key(2), key(3)]);
  });

  it('with three authors, NextKey is the key the author of slot + 2 announced', () => {
    const auth = ['A', 'B', 'C'];
    let s = EMPTY_SHIELD_KEYS();
    for (let n = 1; n <= 6; n++) s = rotate(s, n, auth, key(n));
    // Slot 6 → author A (6 mod 3); slot 8 → C, whose last block was 5.
    expect(s.nextKey).toEqual(key(5));
    expect(s.authorKeys.get('A')).toEqual(key(6));
  });

  it('None removes the author key; an empty source clears the target and its expiry', () => {
    let s = rotate(EMPTY_SHIELD_KEYS(), 1, ['A'], key(1));
    s = rotate(s, 2, ['A'], undefined);
    expect(s.authorKeys.has('A')).toBe(false);
    expect(s.nextKey).toEqual(key(1));
    s = rotate(s, 3, ['A'], undefined);
    expect(s.nextKey).toBeUndefined();
    expect(s.nextKeyExpiresAt).toBeUndefined();
    expect(s.pendingKeyExpiresAt).toBe(5);
  });

  it('a 100-byte key is BadEncKeyLen, no slot or no authorities is Unreachable; nothing changes', () => {
    const s = rotate(EMPTY_SHIELD_KEYS(), 1, ['A'], key(1));
    const call = { blockNumber: 2, slot: 2n, authorities: ['A'], encKey: new Uint8Array(100) };
    expect(announce(s, call)).toBe('BadEncKeyLen');
    expect(announce(s, { ...call, encKey: key(2), slot: undefined })).toBe('Unreachable');
    expect(announce(s, { ...call, encKey: key(2), authorities: [] })).toBe('Unreachable');
    expect(s.authorKeys.get('A')).toEqual(key(1));
  });
});

/** One author: each block announces a fresh keyring key; the node observes each block's NextKey. */
function singleAuthorChain(window: number, blocks: number) {
  const ring = new AuthorKeyring({ window, randomBytes: seeded('author') });
  const nextKeys: (Uint8Array | undefined)[] = [];
  const pendingKeys: (Uint8Array | undefined)[] = [];
  let s = EMPTY_SHIELD_KEYS();
  for (let n = 1; n <= blocks; n++) {
    s = rotate(s, n, ['A'], ring.announce(n));
    ring.observe(n, s.nextKey);
    nextKeys[n] = s.nextKey;
    pendingKeys[n] = s.pendingKey;
  }
  return { ring, nextKeys, pendingKeys };
}

describe('author keyring (§4.3)', () => {
  const inner = Uint8Array.of(0x10, 1, 2, 3, 4);

  it('opens a carrier whose key was NextKey at r while building r+1 … r+W; subtensor’s case is r+2', () => {
    const W = 8;
    const { ring, nextKeys, pendingKeys } = singleAuthorChain(W, 12);
    const r = 3;
    const pk = nextKeys[r];
    if (pk === undefined) throw new Error('NextKey unset at block 3');
    // Subtensor accepts only PendingKey at the parent: the key that was NextKey two blocks earlier.
    expect(toHex(pendingKeys[r + 1] ?? new Uint8Array())).toBe(toHex(pk));
    const blob = parseShieldBlob(encryptShieldBlob(pk, inner, rnd));
    // Block 12 is imported, so block 13 is being built: r + W = 11 is already past.
    expect(ring.secretKeyFor(blob.keyHash, 13)).toBeUndefined();
    const fresh = singleAuthorChain(W, r + W - 1);
    for (let b = r + 1; b <= r + W; b++) {
      const sk = fresh.ring.secretKeyFor(blob.keyHash, b);
      if (sk === undefined) throw new Error(`no key at block ${b}`);
      expect(decryptShieldBlob(blob, sk)).toEqual(inner);
    }
    expect(fresh.ring.secretKeyFor(blob.keyHash, r + W + 1)).toBeUndefined();
    expect(fresh.ring.secretKeyFor(blob.keyHash, r)).toBeUndefined();
  });

  it('wipes a secret key when it leaves the window, and holds at most W + 2 keys on one author', () => {
    const W = 3;
    const ring = new AuthorKeyring({ window: W, randomBytes: seeded('wipe') });
    let s = EMPTY_SHIELD_KEYS();
    let captured: Uint8Array | undefined;
    let hash: Uint8Array | undefined;
    for (let n = 1; n <= 10; n++) {
      s = rotate(s, n, ['A'], ring.announce(n));
      ring.observe(n, s.nextKey);
      if (n === 2 && s.nextKey !== undefined) {
        hash = shieldKeyHash(s.nextKey);
        captured = ring.secretKeyFor(hash, 3);
      }
      expect(ring.size).toBeLessThanOrEqual(W + 2);
    }
    if (captured === undefined || hash === undefined) throw new Error('key at block 2');
    expect(captured.every((b) => b === 0)).toBe(true);
    expect(ring.secretKeyFor(hash, 4)).toBeUndefined();
  });

  it('forgets own keys that a newer own key overtook before they were ever read', () => {
    const ring = new AuthorKeyring({ window: 8, randomBytes: seeded('skip') });
    ring.announce(1);
    ring.announce(2);
    const third = ring.announce(3);
    expect(ring.size).toBe(3);
    ring.observe(4, third);
    expect(ring.size).toBe(1);
  });

  it('a key that stays NextKey (blocks without the inherent) is dated from its last reading', () => {
    const ring = new AuthorKeyring({ window: 2, randomBytes: seeded('stay') });
    const pk = ring.announce(1);
    for (let n = 2; n <= 6; n++) ring.observe(n, pk);
    expect(ring.secretKeyFor(shieldKeyHash(pk), 8)).toBeDefined();
    expect(ring.secretKeyFor(shieldKeyHash(pk), 9)).toBeUndefined();
    ring.observe(7, undefined);
    ring.observe(8, undefined);
    expect(ring.size).toBe(0);
  });

  it('never holds more than MAX_HELD_KEYS, even if NextKey never names a key of ours', () => {
    const ring = new AuthorKeyring({ window: 8, randomBytes: seeded('cap') });
    for (let n = 1; n <= MAX_HELD_KEYS + 5; n++) {
      ring.announce(n);
      ring.observe(n, key(9));
    }
    expect(ring.size).toBe(MAX_HELD_KEYS);
  });

  it('after a restart (a new keyring) no carrier for an older key opens', () => {
    const { nextKeys } = singleAuthorChain(8, 5);
    const pk = nextKeys[5];
    if (pk === undefined) throw new Error('NextKey');
    const restarted = new AuthorKeyring({ window: 8 });
    expect(restarted.secretKeyFor(shieldKeyHash(pk), 6)).toBeUndefined();
  });

  it('reveals no key material through JSON or inspection', () => {
    const { ring } = singleAuthorChain(8, 4);
    expect(JSON.stringify(ring)).toBe('{}');
    const shown = inspect(ring, { depth: 10, showHidden: true });
    expect(shown.length).toBeLessThan(200);
  });

  it('each announcement is a fresh key from the CSPRNG', () => {
    const ring = new AuthorKeyring({ window: 8 });
    expect(toHex(ring.announce(1))).not.toBe(toHex(ring.announce(2)));
  });
});

describe('the keyring on a three-author chain', () => {
  it('A opens a carrier read at r in its next own block and, within W, in the one after', () => {
    const W = 6;
    const auth = ['A', 'B', 'C'];
    const rings = Object.fromEntries(auth.map((a) => [a, new AuthorKeyring({ window: W, randomBytes: seeded(a) })]));
    let s = EMPTY_SHIELD_KEYS();
    let blob: ReturnType<typeof parseShieldBlob> | undefined;
    const opened: number[] = [];
    for (let n = 1; n <= 14; n++) {
      const author = auth[n % 3] as string;
      const ring = rings[author] as AuthorKeyring;
      if (blob !== undefined && ring.secretKeyFor(blob.keyHash, n) !== undefined) opened.push(n);
      s = rotate(s, n, auth, ring.announce(n));
      for (const r of Object.values(rings)) r.observe(n, s.nextKey);
      // At block 4, NextKey is the key of slot 6's author, A.
      if (n === 4 && s.nextKey !== undefined) blob = parseShieldBlob(encryptShieldBlob(s.nextKey, inner3, rnd));
    }
    // A's blocks after 4 are 6, 9, 12: 6 − 4 and 9 − 4 are within W = 6, 12 − 4 is not.
    expect(opened).toEqual([6, 9]);
  });
});

const inner3 = Uint8Array.of(0x0c, 9, 9, 9);
