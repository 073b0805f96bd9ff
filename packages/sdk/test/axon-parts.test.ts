/** The axon's building blocks: nonce guard, token buckets, bounded priority queue, access rules, and stake priority end to end. */
import { EventEmitter } from 'node:events';
import type { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { defaultBlacklist, type MetagraphView, stakeAtLeast } from '../src/axon/access.js';
import { Axon } from '../src/axon/axon.js';
import { type Connection, ConnectionGuard, SWEEP_CLOSES } from '../src/axon/connection-guard.js';
import { NonceGuard } from '../src/axon/nonce-guard.js';
import { BoundedPriorityQueue } from '../src/axon/priority-queue.js';
import { RateLimiter } from '../src/axon/rate-limiter.js';
import { Dendrite } from '../src/dendrite/dendrite.js';
import { nextNonce } from '../src/dendrite/nonce-clock.js';
import { keypairFromUri } from '../src/keys/uri.js';
import { defineSynapse } from '../src/synapse/define-synapse.js';
import { field } from '../src/synapse/fields.js';

const NOW = 1_718_000_010_000_000_000n;
const SEC = 1_000_000_000n;

describe('NonceGuard', () => {
  it('applies the §2.5 window to a first nonce (version ≥ 7.2.0)', () => {
    const g = new NonceGuard();
    // floor = now − 4 s − 12 s; the nonce must be strictly above it
    expect(g.check('a', 1_717_999_994_000_000_001n, 10_002_000, 12, NOW)).toBeNull();
    expect(g.check('a', 1_717_999_994_000_000_000n, 10_002_000, 12, NOW)).not.toBeNull();
    // legacy dendrites: no window
    expect(g.check('a', 1n, 7_001_999, 12, NOW)).toBeNull();
    // no upper bound
    expect(g.check('a', NOW + 3600n * SEC, 10_002_000, 12, NOW)).toBeNull();
  });

  it('rejects replays, accepts reordering within the window, rejects far-behind nonces', () => {
    const g = new NonceGuard(2n * SEC);
    const n = NOW;
    g.accept('a', n);
    expect(g.check('a', n, 10_002_000, 12, NOW)?.reason).toMatch(/replay/);
    expect(g.check('a', n - SEC, 10_002_000, 12, NOW)).toBeNull(); // arrived out of order
    g.accept('a', n - SEC);
    expect(g.check('a', n - SEC, 10_002_000, 12, NOW)?.reason).toMatch(/replay/);
    expect(g.check('a', n - 3n * SEC, 10_002_000, 12, NOW)?.reason).toMatch(/far below/);
    expect(g.check('b', n - 3n * SEC, 10_002_000, 12, NOW)).toBeNull(); // per hotkey
  });

  it('never forgets a nonce that could still pass the floor, however many are accepted', () => {
    const g = new NonceGuard(1000n);
    const accepted: bigint[] = [];
    for (let i = 0n; i < 5000n; i++) {
      const n = NOW + i * 7n;
      g.accept('a', n);
      accepted.push(n);
    }
    for (const n of accepted) expect(g.check('a', n, 10_002_000, 12, NOW)).not.toBeNull();
  });
});

describe('nonce clock', () => {
  it('is strictly increasing and close to wall time', () => {
    let last = nextNonce();
    for (let i = 0; i < 1000; i++) {
      const n = nextNonce();
      expect(n > last).toBe(true);
      last = n;
    }
    const wall = BigInt(Date.now()) * 1_000_000n;
    expect(last - wall < 1_000_000_000n && wall - last < 1_000_000_000n).toBe(true);
  });
});

describe('RateLimiter', () => {
  it('allows a burst, then refills at the rate', () => {
    const r = new RateLimiter({ perSecond: 2, burst: 3 });
    expect([r.take('k', 0), r.take('k', 0), r.take('k', 0), r.take('k', 0)]).toEqual([true, true, true, false]);
    expect(r.retryAfterS('k', 0)).toBe(1);
    expect(r.take('k', 499)).toBe(false);
    expect(r.take('k', 500)).toBe(true);
    expect(r.take('other', 500)).toBe(true);
    expect(r.has('k', 10_000)).toBe(true);
  });

  it('bounds its memory by dropping full buckets', () => {
    const r = new RateLimiter({ perSecond: 1, burst: 1 }, 10);
    for (let i = 0; i < 100; i++) r.take(`k${i}`, i * 2000);
    expect(r.take('k99', 198_000)).toBe(false); // the newest bucket was kept
  });
});

describe('ConnectionGuard', () => {
  /** Stands in for a socket: the guard only listens for 'close' and destroys it. */
  const fakeSocket = (): Socket =>
    Object.assign(new EventEmitter(), {
      destroyed: false,
      destroy() {
        this.destroyed = true;
      },
    }) as unknown as Socket;
  const limits = {
    maxConnections: 10_000,
    maxConnectionsPerIp: 10_000,
    maxInFlight: 100,
    maxInFlightPerIp: 100,
    maxPipelined: 4,
    headersTimeoutMs: 1000,
  };

  it('closes idle connections a bounded number per sweep, oldest first, telling the server of each', () => {
    const closed: Connection[] = [];
    const guard = new ConnectionGuard(limits, (c) => closed.push(c));
    const n = SWEEP_CLOSES * 2 + 10;
    const conns = Array.from({ length: n }, (_, i) => guard.open(fakeSocket(), '10.0.0.1', i) as Connection);
    expect(guard.sweep(10_000)).toBe(SWEEP_CLOSES);
    expect(closed).toEqual(conns.slice(0, SWEEP_CLOSES));
    expect(conns.slice(0, SWEEP_CLOSES).every((c) => c.socket.destroyed && c.closed)).toBe(true);
    expect(guard.connections).toBe(n - SWEEP_CLOSES);
    expect(guard.sweep(10_000)).toBe(SWEEP_CLOSES);
    expect(guard.sweep(10_000)).toBe(10);
    expect(guard.connections).toBe(0);
    expect(guard.refused.headersTimeout).toBe(n);
  });

  it('drops a pipelining connection with its socket destroyed before the server releases its requests', () => {
    const seen: boolean[] = [];
    const guard = new ConnectionGuard({ ...limits, maxPipelined: 1 }, (c) => seen.push(c.socket.destroyed));
    const c = guard.open(fakeSocket(), '10.0.0.1', 0) as Connection;
    expect(guard.begin(c)).toBeNull();
    expect(guard.begin(c)).toBe('pipelining');
    expect(seen).toEqual([true]);
    expect(guard.inFlight).toBe(0);
  });
});

describe('BoundedPriorityQueue', () => {
  it('pops by priority, then arrival', () => {
    const q = new BoundedPriorityQueue<string>(10);
    q.push('low', 1);
    q.push('high', 9);
    q.push('mid', 5);
    q.push('high2', 9);
    expect([q.pop(), q.pop(), q.pop(), q.pop(), q.pop()]).toEqual(['high', 'high2', 'mid', 'low', undefined]);
  });

  it('when full, evicts the lowest for a higher newcomer and refuses a lower one', () => {
    const q = new BoundedPriorityQueue<string>(2);
    q.push('a', 1);
    q.push('b', 5);
    const r = q.push('c', 3);
    expect(r.accepted && r.evicted).toBe('a');
    expect(q.push('d', 2).accepted).toBe(false);
    expect(q.push('e', 3).accepted).toBe(false); // ties keep the earlier arrival
    expect(q.size).toBe(2);
    expect([q.pop(), q.pop()]).toEqual(['b', 'c']);
  });

  it('skips cancelled items and counts them out', () => {
    const q = new BoundedPriorityQueue<string>(3);
    const a = q.push('a', 5);
    q.push('b', 1);
    if (a.accepted) a.ticket.cancel();
    if (a.accepted) a.ticket.cancel();
    expect(q.size).toBe(1);
    expect(q.pop()).toBe('b');
    expect(q.pop()).toBeUndefined();
    expect(q.size).toBe(0);
  });
});

describe('access rules', () => {
  const mg: MetagraphView = {
    isRegistered: (h) => h !== 'stranger',
    hasValidatorPermit: (h) => h === 'validator' || h === 'poor',
    stakeOf: (h) => (h === 'validator' ? 5_000n : 1n),
  };
  it('blocks strangers, permitless and under-staked callers by default', () => {
    expect(defaultBlacklist('validator', mg, { minStake: 1000n })).toEqual({ blocked: false });
    expect(defaultBlacklist('stranger', mg).reason).toMatch(/not registered/);
    expect(defaultBlacklist('miner', mg).reason).toMatch(/no validator permit/);
    expect(defaultBlacklist('poor', mg, { minStake: 1000n }).reason).toMatch(/minimum stake/);
    expect(defaultBlacklist('miner', mg, { requireValidatorPermit: false })).toEqual({ blocked: false });
    expect(defaultBlacklist('stranger', mg, { allowUnregistered: true, requireValidatorPermit: false }).blocked).toBe(
      false,
    );
  });
  it('compares bigint and number stakes', () => {
    expect(stakeAtLeast(2n ** 64n, 2n ** 64n)).toBe(true);
    expect(stakeAtLeast(2n ** 64n - 1n, 2n ** 64n)).toBe(false);
    expect(stakeAtLeast(5, 4n)).toBe(true);
  });
});

describe('priority by stake', () => {
  it('serves the higher-stake caller first when requests queue up, once its connection authenticated', async () => {
    const axonKey = keypairFromUri('//PrioAxon');
    const rich = keypairFromUri('//Alice');
    const poor = keypairFromUri('//Bob');
    const Job = defineSynapse({ name: 'Job', request: { tag: field.str() }, response: {} });
    const order: string[] = [];
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const mg: MetagraphView = {
      isRegistered: () => true,
      hasValidatorPermit: () => true,
      stakeOf: (h) => (h === rich.ss58Address ? 1000 : 1),
    };
    const axon = new Axon({ keypair: axonKey, ip: '127.0.0.1', port: 0, metagraph: mg, maxConcurrent: 1 }).attach(
      Job,
      async (s) => {
        order.push(s.tag);
        if (s.tag === 'blocker') await gate;
        return s;
      },
    );
    const info = await axon.start();
    const dr = new Dendrite({ keypair: rich });
    const dp = new Dendrite({ keypair: poor });
    try {
      // Stake counts only for a hotkey the connection has proven: the rich caller's first request
      // authenticates its keep-alive connection, which its later request reuses.
      expect((await dr.call(info, new Job({ tag: 'warm' }), { timeout: 10 })).dendrite.statusCode).toBe(200);
      const blocker = dp.call(info, new Job({ tag: 'blocker' }), { timeout: 10 });
      while (order.length < 2) await new Promise((r) => setTimeout(r, 5));
      const poorFirst = dp.forward([info, info, info], new Job({ tag: 'poor' }), { timeout: 10, deserialize: false });
      while (axon.pending < 3) await new Promise((r) => setTimeout(r, 5));
      const richLater = dr.call(info, new Job({ tag: 'rich' }), { timeout: 10 });
      while (axon.pending < 4) await new Promise((r) => setTimeout(r, 5));
      release();
      const results = [await blocker, ...(await poorFirst), await richLater];
      expect(results.map((s) => s.dendrite.statusCode)).toEqual([200, 200, 200, 200, 200]);
      expect(order).toEqual(['warm', 'blocker', 'rich', 'poor', 'poor', 'poor']);
    } finally {
      dr.close();
      dp.close();
      await axon.stop();
    }
  });
});
