/**
 * Answers to recent requests, shared by identical requests. Several callers often send a miner the
 * same work (a relay, a retry, two queries of one round): computing it once keeps the miner's
 * event loop free, so a copy can never be served before the original.
 */
export class RecentAnswers<V> {
  private readonly entries = new Map<string, Promise<V>>();

  constructor(private readonly limit = 32) {}

  get(key: string, compute: () => V | Promise<V>): Promise<V> {
    const hit = this.entries.get(key);
    if (hit !== undefined) return hit;
    const p = Promise.resolve().then(compute);
    // A failed computation is not remembered: the next identical request tries again.
    p.catch(() => this.entries.delete(key));
    this.entries.set(key, p);
    while (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value as string);
    return p;
  }
}
