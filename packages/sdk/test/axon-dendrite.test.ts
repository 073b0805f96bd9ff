/**
 * Axon and dendrite over real sockets on 127.0.0.1: signed round trips, and each way a request is
 * refused (tampered body, replayed or stale nonce, missing signature, stranger, timeout, oversize
 * body, flood), with the status code the caller reads.
 */
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Axon } from '../src/axon/axon.js';
import type { AxonTarget } from '../src/axon/axon-info.js';
import type { MetagraphView, Stake } from '../src/axon/access.js';
import { toHex, utf8 } from '../src/bytes.js';
import { Dendrite } from '../src/dendrite/dendrite.js';
import type { Keypair } from '../src/keys/keypair.js';
import { keypairFromUri as fromUri } from '../src/keys/uri.js';
import { wallClockNs } from '../src/synapse/clock.js';
import { defineSynapse } from '../src/synapse/define-synapse.js';
import { field } from '../src/synapse/fields.js';
import { dendriteMessage } from '../src/synapse/messages.js';
import { SynapseError } from '../src/synapse/status.js';
import { Synapse } from '../src/synapse/synapse.js';
import { fieldsFragment, synapseBody, synapseBodyHash, synapseToHeaders } from '../src/synapse/wire.js';

const Dummy = defineSynapse({
  name: 'Dummy',
  request: { dummy_input: field.int() },
  response: { dummy_output: field.int().optional() },
  hashFields: ['dummy_input'],
  deserialize: (s) => s.dummy_output,
});

const Slow = defineSynapse({
  name: 'Slow',
  request: { ms: field.int() },
  response: { done: field.bool().default(false) },
});

const Echo = defineSynapse({
  name: 'Echo',
  request: { text: field.str() },
  response: { echoed: field.str().optional() },
  hashFields: ['text'],
  deserialize: (s) => s.echoed,
});

const axonKey = fromUri('//AxonTest');
const validator = fromUri('//Alice'); // registered, permit, big stake
const flooder = fromUri('//Charlie'); // registered, permit, small stake
const noPermit = fromUri('//Eve'); // registered, no permit
const stranger = fromUri('//Dave'); // not registered

class FakeMetagraph implements MetagraphView {
  readonly #rows = new Map<string, { permit: boolean; stake: Stake }>([
    [validator.ss58Address, { permit: true, stake: 10_000 }],
    [flooder.ss58Address, { permit: true, stake: 10 }],
    [noPermit.ss58Address, { permit: false, stake: 50 }],
  ]);
  isRegistered(hotkey: string): boolean {
    return this.#rows.has(hotkey);
  }
  hasValidatorPermit(hotkey: string): boolean {
    return this.#rows.get(hotkey)?.permit ?? false;
  }
  stakeOf(hotkey: string): Stake {
    return this.#rows.get(hotkey)?.stake ?? 0;
  }
}

const metagraph = new FakeMetagraph();
let axon: Axon;
let target: AxonTarget;
const dendrites: Dendrite[] = [];
const dendriteOf = (kp: Keypair): Dendrite => {
  const d = new Dendrite({ keypair: kp });
  dendrites.push(d);
  return d;
};

beforeAll(async () => {
  axon = new Axon({
    keypair: axonKey,
    ip: '127.0.0.1',
    port: 0,
    metagraph,
    maxBodyBytes: 2048,
  })
    .attach(Dummy, (s) => {
      s.dummy_output = s.dummy_input * 2;
      return s;
    })
    .attach(Slow, async (s, { signal }) => {
      await new Promise((r) => {
        const t = setTimeout(r, s.ms);
        signal.addEventListener('abort', () => clearTimeout(t));
      });
      s.done = true;
      return s;
    })
    .attach(Echo, (s) => {
      s.echoed = s.text;
      return s;
    });
  target = await axon.start();
});

afterAll(async () => {
  for (const d of dendrites) d.close();
  await axon.stop();
});

/** A request signed by `kp` for `to`, built with the same wire code the dendrite uses. */
function signedRequest(kp: Keypair, to: AxonTarget, s: Synapse, nonce: bigint = wallClockNs()) {
  s.dendrite = { version: 10_002_000, nonce, uuid: 'raw-client', hotkey: kp.ss58Address };
  s.axon = { ip: to.ip, port: to.port, hotkey: to.hotkey };
  const bodyHash = synapseBodyHash(s);
  s.dendrite.signature = toHex(
    kp.sign(
      dendriteMessage({ nonce, dendriteHotkey: kp.ss58Address, axonHotkey: to.hotkey, uuid: 'raw-client', bodyHash }),
    ),
  );
  const fragment = fieldsFragment(s);
  return { headers: synapseToHeaders(s, bodyHash, fragment.length), body: synapseBody(s, fragment) };
}

async function post(
  name: string,
  req: { headers: Record<string, string>; body: string },
  to: AxonTarget = target,
): Promise<{ status: number; message: string | undefined; headers: Headers }> {
  const res = await fetch(`http://${to.ip}:${to.port}/${name}`, {
    method: 'POST',
    headers: req.headers,
    body: req.body,
  });
  const json = (await res.json()) as { message?: string };
  return { status: res.status, message: json.message, headers: res.headers };
}

describe('signed round trip', () => {
  it('answers a validator and deserializes', async () => {
    const d = dendriteOf(validator);
    // Typed: the declared deserialize() returns dummy_output.
    const out: (number | null)[] = await d.forward([target], new Dummy({ dummy_input: 21 }), { timeout: 5 });
    expect(out).toEqual([42]);
  });

  it('fills status, timing and the axon terminal', async () => {
    const d = dendriteOf(validator);
    const [s] = await d.forward([target, target], new Dummy({ dummy_input: 4 }), { timeout: 5, deserialize: false });
    expect(s?.dummy_output).toBe(8);
    expect(s?.isSuccess).toBe(true);
    expect(s?.dendrite.statusMessage).toBe('Success');
    expect(s?.dendrite.hotkey).toBe(validator.ss58Address);
    expect(s?.axon.hotkey).toBe(axonKey.ss58Address);
    expect(s?.axon.processTime).toBeGreaterThanOrEqual(0);
    const t = s?.dendrite.timing;
    expect(t).toBeDefined();
    expect(t?.totalMs).toBeGreaterThanOrEqual(t?.firstByteMs ?? Number.POSITIVE_INFINITY);
    expect(t?.firstByteMs).toBeGreaterThanOrEqual(t?.sendMs ?? Number.POSITIVE_INFINITY);
    expect(s?.dendrite.processTime).toBeCloseTo((t?.totalMs ?? 0) / 1000, 6);
  });

  it('serves the base Synapse as a ping', async () => {
    const d = dendriteOf(validator);
    const s = await d.call(target, new Synapse(), { timeout: 5 });
    expect(s.dendrite.statusCode).toBe(200);
  });

  it('keeps results in axon order, with failures in place', async () => {
    const d = dendriteOf(validator);
    const dead: AxonTarget = { ip: '127.0.0.1', port: 1, hotkey: axonKey.ss58Address };
    const out = await d.forward([target, dead, target], new Dummy({ dummy_input: 3 }), {
      timeout: 5,
      deserialize: false,
    });
    expect(out.map((s) => s.dendrite.statusCode)).toEqual([200, 503, 200]);
    expect(out[1]?.dendrite.statusMessage).toMatch(/^Service unavailable at 127\.0\.0\.1:1\/Dummy/);
    expect(out[1]?.dummy_output).toBeNull();
  });

  it('refuses a request signed for another axon (401)', async () => {
    const d = dendriteOf(validator);
    const s = await d.call({ ...target, hotkey: validator.ss58Address }, new Dummy({ dummy_input: 1 }), { timeout: 5 });
    expect(s.dendrite.statusCode).toBe(401);
    expect(s.failedVerification).toBe(true);
  });
});

describe('Python dendrite traffic', () => {
  it('accepts a body written by json.dumps (spaces, float timeout, big bare nonces)', async () => {
    const req = signedRequest(validator, target, new Echo({ text: 'from python' }));
    const pythonish = req.body.replaceAll('":', '": ').replaceAll(',"', ', "');
    expect(pythonish).toMatch(/"nonce": \d{19}/);
    const r = await post('Echo', { headers: req.headers, body: pythonish });
    expect(r.status).toBe(200);
  });
});

describe('refusals', () => {
  it('rejects a tampered body (hash mismatch, 401)', async () => {
    const req = signedRequest(validator, target, new Dummy({ dummy_input: 5 }));
    const tampered = { ...req, body: req.body.replace('"dummy_input":5', '"dummy_input":6') };
    expect(tampered.body).not.toBe(req.body);
    const r = await post('Dummy', tampered);
    expect(r.status).toBe(401);
    expect(r.message).toMatch(/Body hash mismatch/);
    expect(r.headers.get('bt_header_axon_status_code')).toBe('401');
  });

  it('accepts a request once and rejects its replay (401)', async () => {
    const req = signedRequest(validator, target, new Echo({ text: 'once' }));
    expect((await post('Echo', req)).status).toBe(200);
    const again = await post('Echo', req);
    expect(again.status).toBe(401);
    expect(again.message).toMatch(/replay/);
  });

  it('rejects the (R, ℓ − s) twin of a used signature as a replay (401)', async () => {
    // The axon's x-only check accepts the twin (x-only-sr25519.ts); the nonce guard must refuse it.
    const req = signedRequest(validator, target, new Echo({ text: 'twin' }));
    expect((await post('Echo', req)).status).toBe(200);
    const sig = Buffer.from((req.headers.bt_header_dendrite_signature as string).slice(2), 'hex');
    const s = Buffer.from(sig.subarray(32));
    s[31] = (s[31] as number) & 0x7f;
    const L = (1n << 252n) + 27742317777372353535851937790883648493n;
    const twinS = L - BigInt(`0x${Buffer.from(s).reverse().toString('hex')}`);
    const twin = Buffer.concat([
      sig.subarray(0, 32),
      Buffer.from(twinS.toString(16).padStart(64, '0'), 'hex').reverse(),
    ]);
    twin[63] = (twin[63] as number) | 0x80;
    const again = await post('Echo', {
      headers: { ...req.headers, bt_header_dendrite_signature: `0x${twin.toString('hex')}` },
      body: req.body,
    });
    expect(again.status).toBe(401);
    expect(again.message).toMatch(/replay/);
  });

  it('rejects a stale nonce (older than now − 4 s − timeout, 401)', async () => {
    const old = wallClockNs() - 20_000_000_000n;
    const r = await post('Echo', signedRequest(validator, target, new Echo({ text: 'old' }), old));
    expect(r.status).toBe(401);
    expect(r.message).toMatch(/Nonce is too old/);
  });

  it('rejects a request without a signature (401), unlike the Python axon', async () => {
    const req = signedRequest(validator, target, new Echo({ text: 'unsigned' }));
    const { bt_header_dendrite_signature: _, ...unsigned } = req.headers;
    const r = await post('Echo', { headers: unsigned, body: req.body });
    expect(r.status).toBe(401);
    expect(r.message).toMatch(/Missing signature/);
  });

  it('rejects a bad signature (401)', async () => {
    const req = signedRequest(validator, target, new Echo({ text: 'forged' }));
    const r = await post('Echo', {
      headers: { ...req.headers, bt_header_dendrite_hotkey: flooder.ss58Address },
      body: req.body,
    });
    expect(r.status).toBe(401);
    expect(r.message).toMatch(/Signature mismatch/);
  });

  it('blacklists an unregistered caller and one without a permit (403)', async () => {
    const s = await dendriteOf(stranger).call(target, new Dummy({ dummy_input: 1 }), { timeout: 5 });
    expect(s.dendrite.statusCode).toBe(403);
    expect(s.isBlacklist).toBe(true);
    expect(s.dendrite.statusMessage).toMatch(/^Forbidden\. Key is blacklisted: .*not registered/);
    const p = await dendriteOf(noPermit).call(target, new Dummy({ dummy_input: 1 }), { timeout: 5 });
    expect(p.dendrite.statusCode).toBe(403);
    expect(p.dendrite.statusMessage).toMatch(/no validator permit/);
  });

  it('times out a handler slower than the synapse timeout (408 at the dendrite)', async () => {
    const s = await dendriteOf(validator).call(target, new Slow({ ms: 3000 }), { timeout: 0.4 });
    expect(s.dendrite.statusCode).toBe(408);
    expect(s.isTimeout).toBe(true);
    expect(s.done).toBe(false);
    expect(s.dendrite.timing?.totalMs).toBeLessThan(2500);
  });

  it('refuses an oversize body (413)', async () => {
    const s = await dendriteOf(validator).call(target, new Echo({ text: 'x'.repeat(4096) }), { timeout: 5 });
    expect(s.dendrite.statusCode).toBe(413);
    expect(s.dendrite.statusMessage).toMatch(/exceeds 2048 bytes/);
  });

  it('refuses an oversize chunked body while it streams (413)', async () => {
    const req = signedRequest(validator, target, new Echo({ text: 'y'.repeat(4096) }));
    const status = await new Promise<number>((resolve, reject) => {
      const r = request(
        { host: target.ip, port: target.port, path: '/Echo', method: 'POST', headers: req.headers },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      r.on('error', reject);
      r.setHeader('transfer-encoding', 'chunked');
      for (let i = 0; i < req.body.length; i += 512) r.write(req.body.slice(i, i + 512));
      r.end();
    });
    expect(status).toBe(413);
  });

  it('rate-limits a flood from one hotkey (429) while a staked validator is still served', async () => {
    const limited = new Axon({
      keypair: axonKey,
      ip: '127.0.0.1',
      port: 0,
      metagraph,
      rateLimit: { perSecond: 2, burst: 5 },
    }).attach(Echo, (s) => {
      s.echoed = s.text;
      return s;
    });
    const info = await limited.start();
    try {
      // Forgeries in the validator's name are refused (401) without spending its budget.
      for (let i = 0; i < 8; i++) {
        const forged = signedRequest(stranger, info, new Echo({ text: 'forged' }));
        const r = await post(
          'Echo',
          { headers: { ...forged.headers, bt_header_dendrite_hotkey: validator.ss58Address }, body: forged.body },
          info,
        );
        expect(r.status).toBe(401);
      }
      const flood = dendriteOf(flooder);
      const v = dendriteOf(validator);
      const many = Array.from({ length: 30 }, () => info);
      const [floodOut, vOut] = await Promise.all([
        flood.forward(many, new Echo({ text: 'flood' }), { timeout: 5, deserialize: false }),
        v.forward([info, info], new Echo({ text: 'served' }), { timeout: 5 }),
      ]);
      const codes = floodOut.map((s) => s.dendrite.statusCode);
      const ok = codes.filter((c) => c === 200).length;
      expect(ok).toBeGreaterThan(0);
      expect(ok).toBeLessThanOrEqual(6); // burst 5, plus at most one refill at 2/s
      expect(codes.filter((c) => c === 429).length).toBe(30 - ok);
      const refused = floodOut.find((s) => s.dendrite.statusCode === 429);
      expect(refused?.dendrite.statusMessage).toMatch(/Rate limit exceeded/);
      expect(vOut).toEqual(['served', 'served']);
      expect(limited.stats[429]).toBe(30 - ok);
    } finally {
      await limited.stop();
    }
  });

  it('answers 404 for an unknown synapse and 405 for GET', async () => {
    const r = await fetch(`http://${target.ip}:${target.port}/Nope`, { method: 'POST', body: '{}' });
    expect(r.status).toBe(404);
    expect(((await r.json()) as { message: string }).message).toMatch(/Synapse name 'Nope' not found/);
    const g = await fetch(`http://${target.ip}:${target.port}/Dummy`);
    expect(g.status).toBe(405);
  });

  it('answers 422 for a body that does not match the protocol', async () => {
    const req = signedRequest(validator, target, new Echo({ text: 'ok' }));
    const r = await post('Echo', { headers: req.headers, body: req.body.replace('"text":"ok"', '"text":7') });
    expect(r.status).toBe(422);
    expect(r.message).toMatch(/Field text must be a string/);
  });
});

describe('handler outcomes and overload', () => {
  it('hides a handler crash behind an opaque 500, lets a handler choose its status, and sheds load with 503', async () => {
    const errors: unknown[] = [];
    let started = false;
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const busy = new Axon({
      keypair: axonKey,
      ip: '127.0.0.1',
      port: 0,
      metagraph,
      maxConcurrent: 1,
      maxPending: 1,
      onError: (e) => errors.push(e),
    }).attach(Echo, async (s) => {
      if (s.text === 'crash') throw new Error('secret detail');
      if (s.text === 'teapot') throw new SynapseError(409, 'Conflict: try later');
      if (s.text === 'block') {
        started = true;
        await gate;
      }
      s.echoed = s.text;
      return s;
    });
    const info = await busy.start();
    try {
      const d = dendriteOf(validator);
      const crash = await d.call(info, new Echo({ text: 'crash' }), { timeout: 5 });
      expect(crash.dendrite.statusCode).toBe(500);
      expect(crash.dendrite.statusMessage).toMatch(/^Internal Server Error #[0-9a-f-]+$/);
      expect(String(errors[0])).toMatch(/secret detail/);
      const chosen = await d.call(info, new Echo({ text: 'teapot' }), { timeout: 5 });
      expect(chosen.dendrite.statusCode).toBe(409);
      expect(chosen.dendrite.statusMessage).toBe('Conflict: try later');

      // One running (blocked) and one waiting from the validator: a lower-stake caller is shed.
      const blocked = d.call(info, new Echo({ text: 'block' }), { timeout: 5 });
      while (!started) await new Promise((r) => setTimeout(r, 5));
      const waiting = d.call(info, new Echo({ text: 'waiting' }), { timeout: 5 });
      while (busy.pending < 1) await new Promise((r) => setTimeout(r, 5));
      const shed = await dendriteOf(flooder).call(info, new Echo({ text: 'shed' }), { timeout: 5 });
      expect(shed.dendrite.statusCode).toBe(503);
      expect(shed.dendrite.statusMessage).toMatch(/overloaded/);
      release();
      expect((await blocked).dendrite.statusCode).toBe(200);
      expect((await waiting).dendrite.statusCode).toBe(200);
    } finally {
      await busy.stop();
    }
  });
});

describe('dendrite failure mapping', () => {
  let raw: Server;
  let rawPort = 0;
  let mode: 'notjson' | 'badsig' = 'notjson';
  beforeAll(async () => {
    raw = createServer((req, res) => {
      req.resume();
      if (mode === 'notjson') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('hello');
      } else {
        res.writeHead(200, {
          'content-type': 'application/json',
          bt_header_axon_nonce: '1',
          bt_header_axon_uuid: 'u',
          bt_header_axon_signature: toHex(axonKey.sign(utf8('something else'))),
        });
        res.end('{"dummy_output": 2}');
      }
    });
    await new Promise<void>((r) => raw.listen(0, '127.0.0.1', r));
    rawPort = (raw.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((r) => raw.close(() => r())));

  it('maps a non-JSON answer to 422', async () => {
    mode = 'notjson';
    const s = await dendriteOf(validator).call(
      { ip: '127.0.0.1', port: rawPort, hotkey: axonKey.ss58Address },
      new Dummy({ dummy_input: 1 }),
      { timeout: 5 },
    );
    expect(s.dendrite.statusCode).toBe(422);
    expect(s.dendrite.statusMessage).toMatch(/^Failed to parse response/);
  });

  it('rejects an answer whose axon signature does not verify (401)', async () => {
    mode = 'badsig';
    const s = await dendriteOf(validator).call(
      { ip: '127.0.0.1', port: rawPort, hotkey: axonKey.ss58Address },
      new Dummy({ dummy_input: 1 }),
      { timeout: 5 },
    );
    expect(s.dendrite.statusCode).toBe(401);
    expect(s.dendrite.statusMessage).toMatch(/response signature does not verify/);
  });
});

describe('signed answers', () => {
  it('verifies the response signature of an axon that signs its answers', async () => {
    const signing = new Axon({ keypair: axonKey, ip: '127.0.0.1', port: 0, open: true, signResponses: true }).attach(
      Dummy,
      (s) => {
        s.dummy_output = -s.dummy_input;
        return s;
      },
    );
    const info = await signing.start();
    try {
      const s = await dendriteOf(stranger).call(info, new Dummy({ dummy_input: 9 }), { timeout: 5 });
      expect(s.dendrite.statusCode).toBe(200);
      expect(s.dummy_output).toBe(-9);
      expect(s.axon.signature).toMatch(/^0x[0-9a-f]{128}$/);
    } finally {
      await signing.stop();
    }
  });

  it('refuses to start without a metagraph unless open', () => {
    expect(() => new Axon({ keypair: axonKey })).toThrow(/needs a metagraph/);
  });
});
