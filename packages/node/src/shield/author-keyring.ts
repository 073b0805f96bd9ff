/**
 * The ML-KEM-768 keys this node announced as a block author (spec mev-shield.md §4.3). Secret keys
 * exist only here, in memory: never written to disk, logs or RPC (the entries are private fields,
 * so the keyring serializes and inspects as nothing), and wiped once they leave the acceptance
 * window. After a restart the ring is empty, so carriers for older keys are skipped, as the spec says.
 *
 * A key's age is counted from the block at which it became readable as `NextKey` (what clients
 * encrypt to), which the node learns by observing each imported block's `NextKey`; r is the last such
 * block. A carrier is accepted while building block b iff 1 ≤ b − r ≤ W. Subtensor's own rule
 * is the case b − r = 2.
 */
import { randomBytes as nodeRandomBytes } from 'node:crypto';
import {
  ML_KEM_768,
  type ShieldDecrypter,
  type ShieldKeypair,
  shieldDecrypter,
  shieldKeyHash,
  shieldKeypairFromSeed,
  toHex,
} from '@taonet/primitives';

interface HeldKey {
  readonly publicKey: Uint8Array;
  readonly secretKey: Uint8Array;
  readonly keyHashHex: string;
  readonly announcedAt: number;
  /** Last block whose `NextKey` was this key (the latest a client can have read it); unset until then. */
  visibleAt?: number;
  /** Made at the first carrier for this key (the public expansion is reused for all of them). */
  decrypter?: ShieldDecrypter;
}

export interface AuthorKeyringOptions {
  /** The acceptance window W in blocks (`acceptanceWindow`). */
  readonly window: number;
  /** A CSPRNG; tests pass a seeded one. */
  readonly randomBytes?: (n: number) => Uint8Array;
  /** What opens a held key's carriers (default: noble's `shieldDecrypter`; the node passes its fast one). */
  readonly decrypter?: (keypair: ShieldKeypair) => ShieldDecrypter;
}

/** Held keys never exceed this, whatever the chain does (a stalled `NextKey`, many own slots). */
export const MAX_HELD_KEYS = 16;

export class AuthorKeyring {
  readonly #held = new Map<string, HeldKey>();
  readonly #window: number;
  readonly #random: (n: number) => Uint8Array;
  readonly #decrypter: (keypair: ShieldKeypair) => ShieldDecrypter;

  constructor(options: AuthorKeyringOptions) {
    this.#window = options.window;
    this.#random = options.randomBytes ?? ((n) => new Uint8Array(nodeRandomBytes(n)));
    this.#decrypter = options.decrypter ?? ((keypair) => shieldDecrypter(keypair));
  }

  /** A fresh key for the `announce_next_key` inherent of the block this node is building. */
  announce(blockNumber: number): Uint8Array {
    const seed = this.#random(ML_KEM_768.keygenSeedBytes);
    const { publicKey, secretKey } = shieldKeypairFromSeed(seed);
    seed.fill(0);
    const keyHashHex = toHex(shieldKeyHash(publicKey));
    this.#held.set(keyHashHex, { publicKey, secretKey, keyHashHex, announcedAt: blockNumber });
    while (this.#held.size > MAX_HELD_KEYS) this.#drop(this.#oldest());
    return publicKey;
  }

  /**
   * After importing block `blockNumber`, with its `NextKey`: date a key of ours that is visible
   * (again: a block without the inherent rotates nothing, so the same key stays readable), forget own keys that can no longer become visible (a newer own key was already read
   * from AuthorKeys), and wipe keys too old for the next block.
   */
  observe(blockNumber: number, nextKey: Uint8Array | undefined): void {
    if (nextKey !== undefined && nextKey.length === ML_KEM_768.publicKeyBytes) {
      const seen = this.#held.get(toHex(shieldKeyHash(nextKey)));
      if (seen !== undefined) {
        seen.visibleAt = blockNumber;
        for (const k of [...this.#held.values()])
          if (k.visibleAt === undefined && k.announcedAt < seen.announcedAt) this.#drop(k);
      }
    }
    for (const k of [...this.#held.values()])
      if (k.visibleAt !== undefined && blockNumber + 1 - k.visibleAt > this.#window) this.#drop(k);
  }

  /** The secret key a carrier with `keyHash` may be opened with in block `building`, if any. */
  secretKeyFor(keyHash: Uint8Array, building: number): Uint8Array | undefined {
    return this.#usable(keyHash, building)?.secretKey;
  }

  /** What opens carriers with `keyHash` in block `building` (the same key as `secretKeyFor`), if any. */
  decrypterFor(keyHash: Uint8Array, building: number): ShieldDecrypter | undefined {
    const k = this.#usable(keyHash, building);
    if (k === undefined) return undefined;
    k.decrypter ??= this.#decrypter(k);
    return k.decrypter;
  }

  #usable(keyHash: Uint8Array, building: number): HeldKey | undefined {
    const k = this.#held.get(toHex(keyHash));
    if (k?.visibleAt === undefined) return undefined;
    const age = building - k.visibleAt;
    return age >= 1 && age <= this.#window ? k : undefined;
  }

  /** How many keys are held (for metrics and tests; no key material). */
  get size(): number {
    return this.#held.size;
  }

  /** Wipe everything (shutdown). */
  clear(): void {
    for (const k of [...this.#held.values()]) this.#drop(k);
  }

  #oldest(): HeldKey {
    let oldest: HeldKey | undefined;
    for (const k of this.#held.values()) if (oldest === undefined || k.announcedAt < oldest.announcedAt) oldest = k;
    if (oldest === undefined) throw new Error('empty keyring has no oldest key');
    return oldest;
  }

  #drop(k: HeldKey): void {
    k.decrypter?.clean();
    k.secretKey.fill(0);
    this.#held.delete(k.keyHashHex);
  }
}
