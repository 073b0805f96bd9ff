/**
 * Token-bucket rate limiting per key (a hotkey, or a remote address). Each key has a bucket of
 * `burst` tokens refilled at `perSecond`; a request takes one token, and an empty bucket means
 * 429. Buckets that have refilled completely hold no information, so they are dropped when the
 * map grows, which bounds memory under a flood of distinct keys.
 */

/** Rate limit settings. */
export interface RateLimit {
  /** Sustained requests per second. */
  readonly perSecond: number;
  /** Bucket size: requests allowed at once after a quiet spell. */
  readonly burst: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/** A set of token buckets keyed by string. */
export class RateLimiter {
  readonly #limit: RateLimit;
  readonly #buckets = new Map<string, Bucket>();
  readonly #maxKeys: number;

  constructor(limit: RateLimit, maxKeys = 100_000) {
    if (!(limit.perSecond > 0) || !(limit.burst >= 1))
      throw new RangeError('rate limit needs perSecond > 0, burst >= 1');
    this.#limit = limit;
    this.#maxKeys = maxKeys;
  }

  #refill(key: string, nowMs: number): Bucket {
    let b = this.#buckets.get(key);
    if (b === undefined) {
      if (this.#buckets.size >= this.#maxKeys) this.#sweep(nowMs);
      b = { tokens: this.#limit.burst, at: nowMs };
      this.#buckets.set(key, b);
      return b;
    }
    const elapsed = (nowMs - b.at) / 1000;
    if (elapsed > 0) {
      b.tokens = Math.min(this.#limit.burst, b.tokens + elapsed * this.#limit.perSecond);
      b.at = nowMs;
    }
    return b;
  }

  #sweep(nowMs: number): void {
    for (const [k, b] of this.#buckets) {
      if (b.tokens + ((nowMs - b.at) / 1000) * this.#limit.perSecond >= this.#limit.burst) this.#buckets.delete(k);
    }
  }

  /** Whether `key` has a token now (without taking it). */
  has(key: string, nowMs: number = performance.now()): boolean {
    return this.#refill(key, nowMs).tokens >= 1;
  }

  /** Takes a token; false (and nothing taken) when the bucket is empty. */
  take(key: string, nowMs: number = performance.now()): boolean {
    const b = this.#refill(key, nowMs);
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }

  /** Gives back a token taken for a request that turned out not to be the key's (failed verification). */
  refund(key: string): void {
    const b = this.#buckets.get(key);
    if (b !== undefined) b.tokens = Math.min(this.#limit.burst, b.tokens + 1);
  }

  /** Seconds until `key` has a token again (0 when it has one): the `Retry-After` value. */
  retryAfterS(key: string, nowMs: number = performance.now()): number {
    const b = this.#refill(key, nowMs);
    return b.tokens >= 1 ? 0 : Math.ceil((1 - b.tokens) / this.#limit.perSecond);
  }
}
