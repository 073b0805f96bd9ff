/**
 * The dendrite's one retry of a stale keep-alive connection, end to end: a real Axon behind a
 * byte-forwarding `node:net` proxy that closes the dendrite's idle connection exactly when the
 * next request arrives on it (before forwarding it) — the race a keep-alive timeout causes. The
 * call must still succeed, on a fresh connection with a fresh nonce, and the axon must see the
 * request once. A failure that is not stale, or a retry that fails too, must not be retried.
 */
import { type AddressInfo, connect, createServer, type Server, type Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MetagraphView, Stake } from '../src/axon/access.js';
import { Axon } from '../src/axon/axon.js';
import type { AxonTarget } from '../src/axon/axon-info.js';
import { Dendrite } from '../src/dendrite/dendrite.js';
import { keypairFromUri as fromUri } from '../src/keys/uri.js';
import { defineSynapse } from '../src/synapse/define-synapse.js';
import { field } from '../src/synapse/fields.js';

const Dummy = defineSynapse({
  name: 'Dummy',
  request: { dummy_input: field.int() },
  response: { dummy_output: field.int().optional() },
  hashFields: ['dummy_input'],
  deserialize: (s) => s.dummy_output,
});

const axonKey = fromUri('//AxonTest');
const validator = fromUri('//Alice');

class OneValidator implements MetagraphView {
  isRegistered(hotkey: string): boolean {
    return hotkey === validator.ss58Address;
  }
  hasValidatorPermit(hotkey: string): boolean {
    return hotkey === validator.ss58Address;
  }
  stakeOf(hotkey: string): Stake {
    return hotkey === validator.ss58Address ? 1000 : 0;
  }
}

/** Splits a byte stream into requests framed by content-length. */
function requestSplitter(onRequest: (head: string, raw: Buffer) => void): (chunk: Buffer) => void {
  let buf = Buffer.alloc(0);
  return (chunk) => {
    buf = Buffer.concat([buf, chunk]);
    for (;;) {
      const at = buf.indexOf('\r\n\r\n');
      if (at < 0) return;
      const head = buf.toString('latin1', 0, at);
      const m = /\r\ncontent-length: *(\d+)/i.exec(head);
      const end = at + 4 + (m === null ? 0 : Number(m[1]));
      if (buf.length < end) return;
      const raw = Buffer.from(buf.subarray(0, end));
      buf = buf.subarray(end);
      onRequest(head, raw);
    }
  };
}

type Verdict = 'forward' | 'drop';

interface Seen {
  /** Which client connection (in accept order) and which request on it. */
  readonly conn: number;
  readonly index: number;
  readonly requestLine: string;
  readonly nonce: string | undefined;
  readonly verdict: Verdict;
}

/**
 * Forwards whole requests to the axon and answers back byte for byte. `policy` may instead drop a
 * request: the client connection is then closed without a byte of it reaching the axon.
 */
class DroppingProxy {
  readonly seen: Seen[] = [];
  policy: (conn: number, index: number) => Verdict = () => 'forward';
  port = 0;
  readonly #server: Server;
  readonly #sockets: Socket[] = [];
  #accepted = 0;

  constructor(upstreamPort: number) {
    this.#server = createServer((client) => {
      const id = this.#accepted++;
      const upstream = connect(upstreamPort, '127.0.0.1');
      this.#sockets.push(client, upstream);
      client.on('error', () => {});
      upstream.on('error', () => {});
      upstream.on('data', (d: Buffer) => client.write(d));
      upstream.on('close', () => client.destroy());
      client.on('close', () => upstream.destroy());
      let index = 0;
      client.on(
        'data',
        requestSplitter((head, raw) => {
          const verdict = this.policy(id, index);
          this.seen.push({
            conn: id,
            index: index++,
            requestLine: head.slice(0, head.indexOf('\r\n')),
            nonce: /\r\nbt_header_dendrite_nonce: *(\d+)/i.exec(head)?.[1],
            verdict,
          });
          if (verdict === 'drop') {
            client.destroy();
            upstream.destroy();
          } else upstream.write(raw);
        }),
      );
    });
  }

  async start(): Promise<void> {
    await new Promise<void>((r) => this.#server.listen(0, '127.0.0.1', r));
    this.port = (this.#server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    for (const s of this.#sockets) s.destroy();
    await new Promise<void>((r) => this.#server.close(() => r()));
  }
}

let axon: Axon;
let axonPort: number;
/** dummy_input of every request the axon's handler served. */
const served: number[] = [];
let proxy: DroppingProxy;
let dendrite: Dendrite;
let target: AxonTarget;

beforeAll(async () => {
  axon = new Axon({ keypair: axonKey, ip: '127.0.0.1', port: 0, metagraph: new OneValidator() }).attach(Dummy, (s) => {
    served.push(s.dummy_input);
    s.dummy_output = s.dummy_input * 2;
    return s;
  });
  axonPort = (await axon.start()).port;
});

afterAll(async () => {
  await axon.stop();
});

beforeEach(async () => {
  served.length = 0;
  proxy = new DroppingProxy(axonPort);
  await proxy.start();
  dendrite = new Dendrite({ keypair: validator });
  target = { ip: '127.0.0.1', port: proxy.port, hotkey: axonKey.ss58Address };
});

afterEach(async () => {
  dendrite.close();
  await proxy.close();
});

const verdicts = (): [number, number, Verdict][] => proxy.seen.map((s) => [s.conn, s.index, s.verdict]);

describe('Dendrite: stale keep-alive retry', () => {
  it('resends on a fresh connection, with a fresh nonce, when the idle connection was closed under it', async () => {
    proxy.policy = (conn, index) => (conn === 0 && index === 1 ? 'drop' : 'forward');

    const first = await dendrite.call(target, new Dummy({ dummy_input: 1 }), { timeout: 5 });
    expect(first.dendrite.statusCode).toBe(200);
    expect(first.dummy_output).toBe(2);

    const second = await dendrite.call(target, new Dummy({ dummy_input: 2 }), { timeout: 5 });
    expect(second.dendrite.statusMessage).toBe('Success');
    expect(second.dendrite.statusCode).toBe(200);
    expect(second.dummy_output).toBe(4);
    expect(second.dendrite.timing?.reusedSocket).toBe(false);

    // First try on the kept connection (dropped), the retry on a new one (forwarded).
    expect(verdicts()).toEqual([
      [0, 0, 'forward'],
      [0, 1, 'drop'],
      [1, 0, 'forward'],
    ]);
    for (const s of proxy.seen) expect(s.requestLine).toBe('POST /Dummy HTTP/1.1');
    const [, dropped, retried] = proxy.seen;
    expect(dropped?.nonce).toMatch(/^\d+$/);
    expect(retried?.nonce).toMatch(/^\d+$/);
    expect(BigInt(retried?.nonce ?? 0)).toBeGreaterThan(BigInt(dropped?.nonce ?? 0));
    // The axon served each call exactly once.
    expect(served).toEqual([1, 2]);

    // And the fresh connection is kept for the next call.
    const third = await dendrite.call(target, new Dummy({ dummy_input: 3 }), { timeout: 5 });
    expect(third.dendrite.statusCode).toBe(200);
    expect(third.dendrite.timing?.reusedSocket).toBe(true);
    expect(verdicts().at(-1)).toEqual([1, 1, 'forward']);
    expect(served).toEqual([1, 2, 3]);
  });

  it('does not retry a new connection closed without an answer (the axon may have seen it)', async () => {
    proxy.policy = () => 'drop';
    const s = await dendrite.call(target, new Dummy({ dummy_input: 1 }), { timeout: 5 });
    expect(s.dendrite.statusCode).toBe(503);
    expect(s.dendrite.statusMessage).toMatch(/^Service unavailable at 127\.0\.0\.1:\d+\/Dummy \(ECONNRESET\)$/);
    expect(verdicts()).toEqual([[0, 0, 'drop']]);
    expect(served).toEqual([]);
  });

  it('retries only once', async () => {
    proxy.policy = (conn, index) => (conn === 0 && index === 0 ? 'forward' : 'drop');
    expect((await dendrite.call(target, new Dummy({ dummy_input: 1 }), { timeout: 5 })).dendrite.statusCode).toBe(200);
    const s = await dendrite.call(target, new Dummy({ dummy_input: 2 }), { timeout: 5 });
    expect(s.dendrite.statusCode).toBe(503);
    expect(verdicts()).toEqual([
      [0, 0, 'forward'],
      [0, 1, 'drop'],
      [1, 0, 'drop'],
    ]);
    expect(served).toEqual([1]);
  });
});
