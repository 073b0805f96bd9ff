/**
 * A bounded priority queue of pending requests: higher priority first, first-come first among
 * equals. When full, a new item either displaces the lowest-priority pending item (which the caller
 * then answers 503) or is itself refused. Items can be cancelled (timed out while waiting); they are
 * dropped lazily when they reach the top.
 */

interface Entry<T> {
  readonly item: T;
  readonly priority: number;
  readonly seq: number;
  cancelled: boolean;
}

/** A handle to cancel a queued item. */
export interface QueueTicket {
  cancel(): void;
}

/** The outcome of `push`. */
export type PushResult<T> =
  | { readonly accepted: true; readonly ticket: QueueTicket; readonly evicted?: T }
  | { readonly accepted: false };

/** Max-heap on (priority, −arrival). */
export class BoundedPriorityQueue<T> {
  readonly #heap: Entry<T>[] = [];
  readonly #capacity: number;
  #seq = 0;
  #live = 0;

  constructor(capacity: number) {
    if (!(capacity >= 1)) throw new RangeError('queue capacity must be at least 1');
    this.#capacity = capacity;
  }

  /** Items waiting (cancelled ones excluded). */
  get size(): number {
    return this.#live;
  }

  #before(a: Entry<T>, b: Entry<T>): boolean {
    return a.priority > b.priority || (a.priority === b.priority && a.seq < b.seq);
  }

  #up(i: number): void {
    const h = this.#heap;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.#before(h[i] as Entry<T>, h[p] as Entry<T>)) break;
      [h[i], h[p]] = [h[p] as Entry<T>, h[i] as Entry<T>];
      i = p;
    }
  }

  #down(i: number): void {
    const h = this.#heap;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && this.#before(h[l] as Entry<T>, h[m] as Entry<T>)) m = l;
      if (r < h.length && this.#before(h[r] as Entry<T>, h[m] as Entry<T>)) m = r;
      if (m === i) return;
      [h[i], h[m]] = [h[m] as Entry<T>, h[i] as Entry<T>];
      i = m;
    }
  }

  #removeAt(i: number): Entry<T> {
    const h = this.#heap;
    const e = h[i] as Entry<T>;
    const last = h.pop() as Entry<T>;
    if (i < h.length) {
      h[i] = last;
      this.#down(i);
      this.#up(i);
    }
    return e;
  }

  #ticket(e: Entry<T>): QueueTicket {
    return {
      cancel: () => {
        if (!e.cancelled) {
          e.cancelled = true;
          this.#live--;
        }
      },
    };
  }

  /** Queues `item`; when full, displaces the lowest-priority waiting item if `priority` beats it. */
  push(item: T, priority: number): PushResult<T> {
    let evicted: T | undefined;
    if (this.#live >= this.#capacity) {
      // Full: the minimum of a heap is among the leaves, but cancelled entries can sit anywhere,
      // so scan (only on overload, and the queue is bounded).
      let min = -1;
      for (let i = 0; i < this.#heap.length; i++) {
        const e = this.#heap[i] as Entry<T>;
        if (e.cancelled) continue;
        if (min < 0 || this.#before(this.#heap[min] as Entry<T>, e)) min = i;
      }
      const lowest = this.#heap[min];
      if (lowest === undefined || !(priority > lowest.priority)) return { accepted: false };
      this.#removeAt(min);
      lowest.cancelled = true; // its ticket must not decrement the count again
      this.#live--;
      evicted = lowest.item;
    }
    const e: Entry<T> = { item, priority, seq: this.#seq++, cancelled: false };
    this.#heap.push(e);
    this.#up(this.#heap.length - 1);
    this.#live++;
    // Cancelled entries still occupy the array; compact when they dominate it.
    if (this.#heap.length > 2 * this.#capacity) this.#compact();
    return evicted === undefined
      ? { accepted: true, ticket: this.#ticket(e) }
      : { accepted: true, ticket: this.#ticket(e), evicted };
  }

  #compact(): void {
    const live = this.#heap.filter((e) => !e.cancelled);
    this.#heap.length = 0;
    for (const e of live) {
      this.#heap.push(e);
      this.#up(this.#heap.length - 1);
    }
  }

  /** The highest-priority waiting item, removed; undefined when none. */
  pop(): T | undefined {
    while (this.#heap.length > 0) {
      const e = this.#removeAt(0);
      if (e.cancelled) continue;
      e.cancelled = true; // a late cancel() must not decrement the count again
      this.#live--;
      return e.item;
    }
    return undefined;
  }
}
