/**
 * The axon's flood defences, one mechanism per test, over raw sockets on loopback (several
 * 127.0.0.x source addresses stand for several machines): connection and in-flight caps,
 * pipelining, head and body deadlines, the rate token taken only after verification and refunded
 * when the caller leaves, the request-body budget, the failure limiter charged ahead of the work,
 * and client aborts kept out of the error path. Assertions are on outcomes, not on timings.
 */
import diagnostics from 'node:diagnostics_channel';
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { MetagraphView } from '../src/axon/access.js';
import { Axon, type AxonOptions, DEFAULT_AXON_LIMITS } from '../src/axon/axon.js';
import type { AxonTarget } from '../src/axon/axon-info.js';
import { toHex } from '../src/bytes.js';
import type { Keypair } from '../src/keys/keypair.js';
import { keypairFromUri } from '../src/keys/uri.js';
import { wallClockNs } from '../src/synapse/clock.js';
import { defineSynapse } from '../src/synapse/define-synapse.js';
import { field } from '../src/synapse/fields.js';
import { dendriteMessage } from '../src/synapse/messages.js';
import { fieldsFragment, synapseBody, synapseBodyHash, synapseToHeaders } from '../src/synapse/wire.js';

const Echo = defineSynapse({
  name: 'Echo',
  request: { text: field.str() },
  response: { echoed: field.str().optional() },
  hashFields: ['text'],
  deserialize: (s) => s.echoed,
});

const axonKey = keypairFromUri('//FloodAxon');
const validator = keypairFromUri('//Alice');
const stranger = keypairFromUri('//Dave');
const small = keypairFromUri('//Charlie'); // permitted, little stake
const metagraph: MetagraphView = {
  isRegistered: (h) => h === validator.ss58Address || h === small.ss58Address,
  hasValidatorPermit: (h) => h === validator.ss58Address || h === small.ss58Address,
  stakeOf: (h) => (h === validator.ss58Address ? 10_000 : h === small.ss58Address ? 1 : 0),
};

const axons: Axon[] = [];
const sockets: Socket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  await Promise.all(axons.splice(0).map((a) => a.stop()));
});

let gate: Promise<void> = Promise.resolve();
async function start(options: Partial<AxonOptions> = {}): Promise<{ axon: Axon; info: AxonTarget }> {
  const axon = new Axon({ keypair: axonKey, ip: '127.0.0.1', port: 0, metagraph, ...options }).attach(
    Echo,
    async (s) => {
      if (s.text === 'block') await gate;
      s.echoed = s.text;
      return s;
    },
    { maxBodyBytes: 1024 * 1024 },
  );
  axons.push(axon);
  return { axon, info: await axon.start() };
}

/** The raw bytes of a signed Echo request; `forge` claims `as` with a signature by `kp`. */
function requestBytes(
  kp: Keypair,
  to: AxonTarget,
  text: string,
  opts: { claim?: Keypair; omitBody?: boolean; keepAlive?: boolean } = {},
): { head: string; body: string } {
  const s = new Echo({ text });
  const nonce = wallClockNs();
  const hotkey = (opts.claim ?? kp).ss58Address;
  s.dendrite = { version: 10_002_000, nonce, uuid: 'raw', hotkey };
  s.axon = { ip: to.ip, port: to.port, hotkey: to.hotkey };
  const bodyHash = synapseBodyHash(s);
  s.dendrite.signature = toHex(
    kp.sign(dendriteMessage({ nonce, dendriteHotkey: hotkey, axonHotkey: to.hotkey, uuid: 'raw', bodyHash })),
  );
  const fragment = fieldsFragment(s);
  const body = synapseBody(s, fragment);
  const headers = {
    ...synapseToHeaders(s, bodyHash, fragment.length),
    host: `${to.ip}:${to.port}`,
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(body)),
    connection: opts.keepAlive === false ? 'close' : 'keep-alive',
  };
  const head = `POST /Echo HTTP/1.1\r\n${Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\r\n')}\r\n\r\n`;
  return { head, body };
}

interface Raw {
  readonly socket: Socket;
  /** Resolves with each answer's status, in order. */
  next(): Promise<number>;
  /** Resolves when the server closed the connection. */
  readonly closed: Promise<void>;
}

function rawConnect(to: AxonTarget, from = '127.0.0.1'): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: to.ip, port: to.port, localAddress: from });
    sockets.push(socket);
    let buf = '';
    const statuses: number[] = [];
    const waiters: ((n: number) => void)[] = [];
    socket.on('data', (d: Buffer) => {
      buf += d.toString('latin1');
      for (let m = /HTTP\/1\.1 (\d{3})/.exec(buf); m !== null; m = /HTTP\/1\.1 (\d{3})/.exec(buf)) {
        buf = buf.slice(m.index + m[0].length);
        const w = waiters.shift();
        if (w !== undefined) w(Number(m[1]));
        else statuses.push(Number(m[1]));
      }
    });
    const closed = new Promise<void>((r) => socket.once('close', () => r()));
    socket.on('error', () => {});
    socket.once('connect', () =>
      resolve({
        socket,
        closed,
        next: () =>
          statuses.length > 0
            ? Promise.resolve(statuses.shift() as number)
            : new Promise<number>((r) => {
                waiters.push(r);
                void closed.then(() => r(0));
              }),
      }),
    );
    socket.once('error', reject);
  });
}

async function send(raw: Raw, req: { head: string; body: string }): Promise<number> {
  raw.socket.write(req.head + req.body);
  return raw.next();
}

const until = async (cond: () => boolean): Promise<void> => {
  while (!cond()) await new Promise((r) => setTimeout(r, 5));
};

describe('caps before parsing', () => {
  it('refuses connections past the per-address cap and leaves other addresses alone', async () => {
    const { axon, info } = await start({ maxConnectionsPerIp: 2 });
    const a = await rawConnect(info, '127.0.0.2');
    const b = await rawConnect(info, '127.0.0.2');
    const c = await rawConnect(info, '127.0.0.2');
    await c.closed; // dropped at accept, before it sent a byte
    expect(axon.load.refused.connectionsPerIp).toBe(1);
    const v = await rawConnect(info, '127.0.0.3');
    expect(await send(v, requestBytes(validator, info, 'hi'))).toBe(200);
    expect(await send(a, requestBytes(validator, info, 'a'))).toBe(200);
    expect(b.socket.destroyed).toBe(false);
  });

  it('at the total cap, evicts the oldest idle stranger but never an authenticated connection', async () => {
    const { axon, info } = await start({ maxConnections: 2 });
    const v = await rawConnect(info, '127.0.0.2');
    expect(await send(v, requestBytes(validator, info, 'auth'))).toBe(200); // authenticates v
    const idle = await rawConnect(info, '127.0.0.3');
    await until(() => axon.load.connections === 2);
    const newcomer = await rawConnect(info, '127.0.0.4');
    await idle.closed;
    expect(axon.load.refused.evicted).toBe(1);
    // The newcomer is idle and unproven too: the next stranger replaces it, never v.
    await until(() => axon.load.connections === 2);
    const third = await rawConnect(info, '127.0.0.5');
    await newcomer.closed;
    expect(axon.load.refused.evicted).toBe(2);
    expect(await send(third, requestBytes(validator, info, 'me too'))).toBe(200);
    // Both connections authenticated: a further stranger finds no one to evict.
    const refused = await rawConnect(info, '127.0.0.6');
    await refused.closed;
    expect(axon.load.refused.connections).toBe(1);
    expect(await send(v, requestBytes(validator, info, 'still here'))).toBe(200);
  });

  it('caps requests in flight per address (429) and in total (503), authenticated connections exempt from the total', async () => {
    let release: () => void = () => {};
    gate = new Promise((r) => {
      release = r;
    });
    const { axon, info } = await start({ maxInFlightPerIp: 1, maxInFlight: 1 });
    const v = await rawConnect(info, '127.0.0.2');
    expect(await send(v, requestBytes(validator, info, 'auth'))).toBe(200);
    const v2 = await rawConnect(info, '127.0.0.3');
    v2.socket.write(Object.values(requestBytes(validator, info, 'block')).join(''));
    await until(() => axon.load.inFlight === 1);
    const sameIp = await rawConnect(info, '127.0.0.3');
    expect(await send(sameIp, requestBytes(validator, info, 'x'))).toBe(429);
    const other = await rawConnect(info, '127.0.0.4');
    expect(await send(other, requestBytes(validator, info, 'x'))).toBe(503);
    // v authenticated: the total cap does not apply to it.
    expect(await send(v, requestBytes(validator, info, 'ok'))).toBe(200);
    release();
    expect(await v2.next()).toBe(200);
  });

  it('disconnects a client pipelining past the cap', async () => {
    const { axon, info } = await start({ maxPipelined: 2 });
    const p = await rawConnect(info, '127.0.0.2');
    p.socket.write(
      Array.from({ length: 6 }, (_, i) => Object.values(requestBytes(validator, info, `p${i}`)).join('')).join(''),
    );
    await p.closed;
    expect(axon.load.refused.pipelining).toBe(1);
    const fresh = await rawConnect(info, '127.0.0.3');
    expect(await send(fresh, requestBytes(validator, info, 'fine'))).toBe(200);
  });
});

describe('refusal budget', () => {
  it('closes the connection once an address is out of refusals, and drops its new connections at accept', async () => {
    const { axon, info } = await start({ refusalRateLimit: { perSecond: 0.001, burst: 3 } });
    const junk = await rawConnect(info, '127.0.0.2');
    for (let i = 0; i < 3; i++) expect(await send(junk, requestBytes(stranger, info, `j${i}`))).toBe(403);
    expect(await send(junk, requestBytes(stranger, info, 'last'))).toBe(403);
    await junk.closed; // the fourth refusal came with connection: close
    // Dropped at accept, before node built a socket for it: a reconnect flood costs a close(2) each.
    let sockets = 0;
    const count = (): void => {
      sockets++;
    };
    diagnostics.subscribe('net.server.socket', count);
    try {
      const again = await rawConnect(info, '127.0.0.2');
      await again.closed;
    } finally {
      diagnostics.unsubscribe('net.server.socket', count);
    }
    expect(axon.load.refused.refusalBudget).toBe(1);
    expect(sockets).toBe(0);
    // Other addresses, and the validator, are served as before.
    const v = await rawConnect(info, '127.0.0.3');
    expect(await send(v, requestBytes(validator, info, 'fine'))).toBe(200);
  });
});

describe('raw refusals', () => {
  it('past the budget, answers with a raw refusal and drops the connection at once: nothing pipelined behind it is served', async () => {
    const { axon, info } = await start({ refusalRateLimit: { perSecond: 0.001, burst: 1 } });
    const socket = connect({ host: info.ip, port: info.port, localAddress: '127.0.0.2' });
    sockets.push(socket);
    let text = '';
    socket.on('data', (d: Buffer) => {
      text += d.toString('latin1');
    });
    socket.on('error', () => {});
    const closed = new Promise<void>((r) => socket.once('close', () => r()));
    await new Promise<void>((r) => socket.once('connect', () => r()));
    socket.write(Object.values(requestBytes(stranger, info, 'first')).join(''));
    await until(() => text.includes('"message"'));
    const within = text; // within the budget: a full answer
    expect(within).toMatch(/^HTTP\/1\.1 403 /);
    expect(within).toMatch(/bt_header_axon_process_time: /);
    // Out of budget: a refusal with a valid request pipelined behind it, in one write.
    socket.write(
      Object.values(requestBytes(stranger, info, 'second')).join('') +
        Object.values(requestBytes(validator, info, 'behind')).join(''),
    );
    await closed;
    const raw = text.slice(within.length);
    expect(raw).toMatch(/^HTTP\/1\.1 403 Forbidden\r\n/);
    expect(raw).toMatch(/\r\nconnection: close\r\n/);
    expect(raw).toMatch(/\r\nbt_header_axon_status_code: 403\r\n/);
    expect(raw).toContain(`bt_header_axon_uuid: `);
    expect(raw).not.toMatch(/process_time/); // no ServerResponse built it
    expect(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4)).message).toMatch(/blacklisted/);
    expect(raw.match(/HTTP\/1\.1/g)).toHaveLength(1);
    expect(axon.stats[200]).toBeUndefined();
    expect(axon.stats[403]).toBe(2);
  });
});

describe('total refusal budget', () => {
  it('answers refusals in full up to the total budget, whatever the address; past it, raw and dropped', async () => {
    const { axon, info } = await start({ maxRefusalsPerSecond: 0.001, maxRefusalBurst: 2 });
    const answers: string[] = [];
    for (const from of ['127.0.0.2', '127.0.0.3', '127.0.0.4']) {
      const socket = connect({ host: info.ip, port: info.port, localAddress: from });
      sockets.push(socket);
      let text = '';
      socket.on('data', (d: Buffer) => {
        text += d.toString('latin1');
      });
      socket.on('error', () => {});
      await new Promise<void>((r) => socket.once('connect', () => r()));
      socket.write(Object.values(requestBytes(stranger, info, from)).join(''));
      await until(() => text.includes('"message"'));
      answers.push(text);
    }
    expect(answers.map((a) => a.slice(0, 12))).toEqual(Array(3).fill('HTTP/1.1 403'));
    expect(answers.map((a) => /process_time/.test(a))).toEqual([true, true, false]);
    expect(axon.load.connections).toBe(2); // the third was dropped with its raw answer
    // A validator's request is no refusal: served as ever.
    const v = await rawConnect(info, '127.0.0.5');
    expect(await send(v, requestBytes(validator, info, 'fine'))).toBe(200);
  });
});

describe('closing a connection', () => {
  it('releases every request pipelined on it: a queued one gives back its token and counts as 499', async () => {
    let release: () => void = () => {};
    gate = new Promise((r) => {
      release = r;
    });
    const { axon, info } = await start({ maxConcurrent: 1, rateLimit: { perSecond: 0.001, burst: 2 } });
    const p = await rawConnect(info, '127.0.0.2');
    p.socket.write(
      Object.values(requestBytes(validator, info, 'block')).join('') +
        Object.values(requestBytes(validator, info, 'queued')).join(''),
    );
    // The first runs (its handler waits on the gate), the second is verified and waits for a slot.
    await until(() => axon.load.running === 1 && axon.pending === 1);
    p.socket.destroy();
    // Both released at once, not when their synapse timeout passes.
    await until(() => axon.stats[499] === 2);
    expect(axon.pending).toBe(0);
    expect(axon.load.inFlight).toBe(0);
    release();
    // The queued one's token came back; the running one's did not.
    const v = await rawConnect(info, '127.0.0.3');
    expect(await send(v, requestBytes(validator, info, 'refunded'))).toBe(200);
    expect(await send(v, requestBytes(validator, info, 'none left'))).toBe(429);
  });
});

describe('deadlines', () => {
  it('closes a connection that sends no complete head in time: idle, or headers dribbled', async () => {
    const { axon, info } = await start({ headersTimeoutMs: 150 });
    const idle = await rawConnect(info, '127.0.0.2');
    const slow = await rawConnect(info, '127.0.0.3');
    const { head } = requestBytes(validator, info, 'slow');
    let i = 0;
    const drip = setInterval(() => {
      if (i < head.length - 4) slow.socket.write(head[i++] as string);
    }, 20);
    try {
      await Promise.all([idle.closed, slow.closed]);
    } finally {
      clearInterval(drip);
    }
    expect(axon.load.refused.headersTimeout).toBe(2);
    expect(axon.load.connections).toBe(0);
  });

  it('answers 408 and closes when a body stops arriving, releasing its bytes', async () => {
    const { axon, info } = await start({ bodyTimeoutMs: 150 });
    const r = await rawConnect(info, '127.0.0.2');
    const req = requestBytes(validator, info, 'z'.repeat(200));
    r.socket.write(req.head + req.body.slice(0, 50));
    expect(await r.next()).toBe(408);
    await r.closed;
    expect(axon.load.bodyBytes).toBe(0);
    expect(axon.stats[408]).toBe(1);
  });
});

describe('rate budget only for what is proven', () => {
  it('takes the token after the signature verifies: forgeries and bodiless requests in a validator’s name cost it nothing', async () => {
    const { info } = await start({ rateLimit: { perSecond: 0.001, burst: 3 }, failureRateLimit: false });
    const f = await rawConnect(info, '127.0.0.2');
    for (let i = 0; i < 10; i++)
      expect(await send(f, requestBytes(stranger, info, 'forged', { claim: validator }))).toBe(401);
    // A real request of the validator's whose body never comes: not verified, so no token held.
    const stalled = await rawConnect(info, '127.0.0.3');
    stalled.socket.write(requestBytes(validator, info, 'no body').head);
    const v = await rawConnect(info, '127.0.0.4');
    for (let i = 0; i < 3; i++) expect(await send(v, requestBytes(validator, info, `ok${i}`))).toBe(200);
    expect(await send(v, requestBytes(validator, info, 'fourth'))).toBe(429);
  });

  it('refunds the token when the caller disconnects before its handler ran, and counts it as 499, not 500', async () => {
    const errors: unknown[] = [];
    const { axon, info } = await start({
      rateLimit: { perSecond: 0.001, burst: 1 },
      onError: (e) => errors.push(e),
    });
    // A large body is read only after the signature verified, i.e. after the token was taken.
    const r = await rawConnect(info, '127.0.0.2');
    const big = requestBytes(validator, info, 'b'.repeat(200_000));
    r.socket.write(big.head + big.body.slice(0, 1000));
    await until(() => axon.load.bodyBytes > 0);
    r.socket.destroy();
    await until(() => axon.stats[499] === 1);
    expect(axon.load.bodyBytes).toBe(0);
    const v = await rawConnect(info, '127.0.0.3');
    expect(await send(v, requestBytes(validator, info, 'refunded'))).toBe(200);
    expect(axon.stats[500]).toBeUndefined();
    expect(errors).toEqual([]);
  });

  it('charges the failure limiter before verification: a burst of forgeries gets only the budget verified', async () => {
    const { axon, info } = await start({ failureRateLimit: { perSecond: 0.001, burst: 3 } });
    const conns = await Promise.all(Array.from({ length: 10 }, () => rawConnect(info, '127.0.0.2')));
    const forged = conns.map(() => requestBytes(stranger, info, 'forged', { claim: validator }));
    for (const [i, c] of conns.entries()) c.socket.write(Object.values(forged[i] as object).join(''));
    const codes = await Promise.all(conns.map((c) => c.next()));
    expect(codes.filter((c) => c === 401).length).toBe(3);
    expect(codes.filter((c) => c === 429).length).toBe(7);
    expect(axon.stats[401]).toBe(3);
    // Another address is not affected; a verified request refunds its own charge.
    const v = await rawConnect(info, '127.0.0.3');
    for (let i = 0; i < 5; i++) expect(await send(v, requestBytes(validator, info, `v${i}`))).toBe(200);
  });

  it('gives a claimed stake no priority until the connection proved it: a forgery claiming V cannot displace queued work', async () => {
    let release: () => void = () => {};
    gate = new Promise((r) => {
      release = r;
    });
    const { axon, info } = await start({ maxConcurrent: 1, maxPending: 2, failureRateLimit: false });
    const blocker = await rawConnect(info, '127.0.0.2');
    blocker.socket.write(Object.values(requestBytes(small, info, 'block')).join(''));
    await until(() => axon.load.running === 1);
    const queued = await Promise.all([rawConnect(info, '127.0.0.3'), rawConnect(info, '127.0.0.3')]);
    for (const [i, c] of queued.entries()) c.socket.write(Object.values(requestBytes(small, info, `q${i}`)).join(''));
    await until(() => axon.pending === 2);
    // On a fresh connection, a claim of V's stake ranks with everyone unproven: refused, nothing displaced.
    const forger = await rawConnect(info, '127.0.0.4');
    expect(await send(forger, requestBytes(stranger, info, 'forged', { claim: validator }))).toBe(503);
    expect(axon.pending).toBe(2);
    release();
    expect(await blocker.next()).toBe(200);
    expect(await Promise.all(queued.map((c) => c.next()))).toEqual([200, 200]);
  });

  it('keeps serving every queued request when the pump yields after each one', async () => {
    const { info } = await start({ pumpSliceMs: 1e-6 });
    const conns = await Promise.all(Array.from({ length: 20 }, () => rawConnect(info, '127.0.0.2')));
    const codes = await Promise.all(conns.map((c, i) => send(c, requestBytes(validator, info, `q${i}`))));
    expect(codes).toEqual(Array(20).fill(200));
  });
});

describe('request-body budget', () => {
  it('refuses with 507 past the per-address budget, serves other addresses, and frees the bytes on disconnect', async () => {
    const { axon, info } = await start({ maxBodyBytesInFlightPerIp: 300_000, maxBodyBytesInFlight: 600_000 });
    const big = (): { head: string; body: string } => requestBytes(validator, info, 'u'.repeat(200_000));
    const a = await rawConnect(info, '127.0.0.2');
    const first = big();
    a.socket.write(first.head + first.body.slice(0, 1000));
    await until(() => axon.load.bodyBytes > 0);
    const b = await rawConnect(info, '127.0.0.2');
    const second = big();
    b.socket.write(second.head);
    expect(await b.next()).toBe(507);
    // Another address has its own share of the total.
    const c = await rawConnect(info, '127.0.0.3');
    expect(await send(c, big())).toBe(200);
    a.socket.destroy();
    await until(() => axon.load.bodyBytes === 0);
    const d = await rawConnect(info, '127.0.0.2');
    expect(await send(d, big())).toBe(200);
  });

  it('refuses a forged large upload on its signed body-hash header, before holding a byte of it', async () => {
    const { axon, info } = await start();
    const r = await rawConnect(info, '127.0.0.2');
    const forged = requestBytes(stranger, info, 'f'.repeat(500_000), { claim: validator });
    r.socket.write(forged.head); // the body is never sent
    expect(await r.next()).toBe(401);
    expect(axon.load.bodyBytes).toBe(0);
  });
});

describe('defaults', () => {
  it('are in force when no limit is given, and a bad limit is a clear error', async () => {
    const { axon } = await start();
    expect(axon.limits).toEqual(DEFAULT_AXON_LIMITS);
    expect(() => new Axon({ keypair: axonKey, open: true, maxConnections: 0 })).toThrow(/maxConnections/);
  });
});
