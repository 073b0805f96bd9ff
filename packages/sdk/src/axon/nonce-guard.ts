/**
 * Replay and staleness protection for dendrite nonces (§2.5), per dendrite hotkey.
 *
 * Python keeps only the last nonce per `{hotkey}:{uuid}` and requires each new one to be larger.
 * That rejects honest traffic: a dendrite that sends several requests at once over separate
 * connections has them arrive in any order. So this guard keeps, per hotkey, the largest accepted
 * nonce and the set of nonces accepted within a reorder window below it:
 *
 * - a nonce at or below `max − reorderWindow` is rejected (too old to tell apart from a replay);
 * - a nonce already in the set is rejected (a replay);
 * - for dendrite versions ≥ 7.2.0, a nonce at or below `now − 4 s − timeout` is rejected (stale),
 *   whether or not the key was seen before, so an axon restart does not reopen old nonces;
 * - older versions get only the two replay checks (as Python gives them only the monotonic one).
 *
 * A replay is always caught: a nonce leaves the set only once it falls below the window's floor,
 * and from then on the floor rejects it. Memory per hotkey is bounded by the request rate times
 * the window, and hotkeys are only recorded after the signature verified.
 */
import { NONCE_ALLOWED_DELTA_NS, NONCE_WINDOW_MIN_VERSION } from '../synapse/nonce.js';

/** Default reorder window: concurrent requests may arrive up to this far out of nonce order. */
export const DEFAULT_NONCE_REORDER_WINDOW_NS = 2_000_000_000n;

interface KeyState {
  max: bigint;
  seen: Set<bigint>;
  /** Set size after the last prune; pruning again only when it doubles keeps the cost amortised O(1). */
  prunedAt: number;
}

/** Why a nonce was refused, or null when it is acceptable. */
export type NonceVerdict = null | { readonly reason: string };

/** Tracks accepted nonces per hotkey. */
export class NonceGuard {
  readonly #keys = new Map<string, KeyState>();
  readonly #window: bigint;

  constructor(reorderWindowNs: bigint = DEFAULT_NONCE_REORDER_WINDOW_NS) {
    this.#window = reorderWindowNs;
  }

  /**
   * Whether `nonce` may be accepted from `hotkey` now. Does not record it: call `accept` once the
   * signature verified (in the same synchronous step, so two copies cannot both pass).
   */
  check(hotkey: string, nonce: bigint, version: number, timeoutS: number, nowNs: bigint): NonceVerdict {
    if (version >= NONCE_WINDOW_MIN_VERSION) {
      const floor = nowNs - NONCE_ALLOWED_DELTA_NS - BigInt(Math.round(timeoutS * 1e9));
      if (nonce <= floor) return { reason: 'Nonce is too old, a newer one was expected.' };
    }
    const st = this.#keys.get(hotkey);
    if (st === undefined) return null;
    if (nonce <= st.max - this.#window) return { reason: 'Nonce is too old: far below the last accepted nonce.' };
    if (st.seen.has(nonce)) return { reason: 'Nonce was already used (replay).' };
    return null;
  }

  /** Records an accepted nonce. */
  accept(hotkey: string, nonce: bigint): void {
    let st = this.#keys.get(hotkey);
    if (st === undefined) {
      st = { max: nonce, seen: new Set(), prunedAt: 16 };
      this.#keys.set(hotkey, st);
    }
    st.seen.add(nonce);
    if (nonce > st.max) st.max = nonce;
    if (st.seen.size >= st.prunedAt * 2) {
      const floor = st.max - this.#window;
      for (const n of st.seen) if (n <= floor) st.seen.delete(n);
      st.prunedAt = Math.max(16, st.seen.size);
    }
  }

  /** Number of hotkeys tracked (for tests and metrics). */
  get size(): number {
    return this.#keys.size;
  }
}
