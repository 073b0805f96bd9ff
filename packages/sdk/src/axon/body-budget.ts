/**
 * A budget for request-body bytes the axon holds in memory at once, in total and per remote
 * address. Bytes are reserved before they are read (the declared length, or chunk by chunk for a
 * body of unknown length) and released when the body is parsed or abandoned, so stalled uploads
 * cannot grow the process past the budget.
 */

/** The two budgets, bytes. */
export interface BodyBudgetLimits {
  readonly totalBytes: number;
  readonly perIpBytes: number;
}

export class BodyBudget {
  readonly #limits: BodyBudgetLimits;
  readonly #perIp = new Map<string, number>();
  #total = 0;

  constructor(limits: BodyBudgetLimits) {
    if (!(limits.totalBytes >= 1) || !(limits.perIpBytes >= 1))
      throw new RangeError('body budgets must be at least 1 byte');
    this.#limits = limits;
  }

  /** Bytes reserved now, in total. */
  get reserved(): number {
    return this.#total;
  }

  /** Bytes reserved now by `ip`. */
  reservedBy(ip: string): number {
    return this.#perIp.get(ip) ?? 0;
  }

  /** Whether `n` more bytes for `ip` would fit now (a cheap refusal before work that would end in one). */
  fits(ip: string, n: number): boolean {
    return this.#total + n <= this.#limits.totalBytes && (this.#perIp.get(ip) ?? 0) + n <= this.#limits.perIpBytes;
  }

  /** Reserves `n` bytes for `ip`; false (and nothing reserved) when either budget would be exceeded. */
  reserve(ip: string, n: number): boolean {
    if (n <= 0) return true;
    const mine = this.#perIp.get(ip) ?? 0;
    if (this.#total + n > this.#limits.totalBytes || mine + n > this.#limits.perIpBytes) return false;
    this.#total += n;
    this.#perIp.set(ip, mine + n);
    return true;
  }

  /** Gives back `n` bytes reserved for `ip`. */
  release(ip: string, n: number): void {
    if (n <= 0) return;
    this.#total -= n;
    const left = (this.#perIp.get(ip) ?? 0) - n;
    if (left <= 0) this.#perIp.delete(ip);
    else this.#perIp.set(ip, left);
  }
}
