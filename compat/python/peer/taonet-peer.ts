/**
 * The Taonet side of the Python axon/dendrite tests: a long-running process driven by pytest over
 * JSON lines (one command on stdin, one answer on stdout), so the wire tests exercise the real
 * `@taonet/sdk` Axon and Dendrite against the real `bittensor` ones, in both directions.
 *
 *   node --import tsx compat/python/peer/taonet-peer.ts
 *
 * Commands (every answer carries the command's `id`):
 * - `{"op":"serve","hotkey":"//Bob","allow":[ss58…]|null,"signResponses":bool}` starts an axon on
 *   127.0.0.1 (free port) serving the protocols below. With `allow`, callers outside it are not
 *   registered in its static metagraph and are refused (403); without, it serves any signed caller.
 *   Answer: `{ip, port, hotkey}`.
 * - `{"op":"call","hotkey":"//Alice","target":{ip,port,hotkey},"synapse":"Echo","fields":{…},"timeout":s}`
 *   queries through `Dendrite.call`. Answer: the statuses, the response fields, the axon terminal.
 * - `{"op":"raw",…same…,"tamper":"none"|"signature"|"body"|"stale","sends":n}` builds ONE signed
 *   request by hand (as the dendrite does) and posts it `sends` times: for refused signatures,
 *   altered bodies, stale and replayed nonces, which a correct dendrite never produces. Answer: `{sends:[{status,body}]}`.
 * - `{"op":"stop"}` stops every axon and exits.
 */
import { request } from 'node:http';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  Axon,
  type AxonTarget,
  Dendrite,
  defineSynapse,
  dendriteMessage,
  field,
  type Keypair,
  keypairFromUri,
  type MetagraphView,
  type Synapse,
  toHex,
  utf8,
} from '@taonet/sdk';
import { nextNonce } from '../../../packages/sdk/src/dendrite/nonce-clock.js';
import { makeSigner, initFastSr25519 } from '../../../packages/sdk/src/synapse/fast-sr25519.js';
import {
  fieldsFragment,
  synapseBody,
  synapseBodyHash,
  synapseToHeaders,
} from '../../../packages/sdk/src/synapse/wire.js';

// The same protocols as compat/python/wire_protocols.py, field for field.
/** Hashes its inputs (`required_hash_fields = ("text", "tags")`): a list goes through Python's str(). */
const Echo = defineSynapse({
  name: 'Echo',
  request: { text: field.str(), tags: field.list(field.str()) },
  response: { echoed: field.str().optional() },
  hashFields: ['text', 'tags'],
  deserialize: (s) => s.echoed,
});
/** No hash fields: the body hash is SHA3-256 of the empty string. */
const Dummy = defineSynapse({
  name: 'Dummy',
  request: { dummy_input: field.int() },
  response: { dummy_output: field.int().optional() },
  deserialize: (s) => s.dummy_output,
});
/** The handler sleeps `delay` seconds: longer than the caller's timeout gives 408. */
const Slow = defineSynapse({
  name: 'Slow',
  request: { delay: field.float() },
  response: { done: field.bool().optional() },
});
const PROTOCOLS = { Echo, Dummy, Slow } as const;
type ProtocolName = keyof typeof PROTOCOLS;

interface Command {
  readonly id?: unknown;
  readonly op: string;
  readonly hotkey?: string;
  readonly allow?: readonly string[] | null;
  readonly signResponses?: boolean;
  readonly target?: AxonTarget;
  readonly synapse?: ProtocolName;
  readonly fields?: Record<string, unknown>;
  readonly timeout?: number;
  readonly tamper?: 'none' | 'signature' | 'body' | 'stale';
  readonly sends?: number;
}

const axons: Axon[] = [];
const dendrites = new Map<string, Dendrite>();
const keys = new Map<string, Keypair>();

function keyOf(uri: string | undefined): Keypair {
  if (uri === undefined) throw new Error('hotkey (a dev URI such as //Alice) is required');
  let k = keys.get(uri);
  if (k === undefined) {
    k = keypairFromUri(uri);
    keys.set(uri, k);
  }
  return k;
}

function protocol(name: ProtocolName | undefined) {
  const p = name === undefined ? undefined : PROTOCOLS[name];
  if (p === undefined) throw new Error(`unknown synapse ${String(name)}; known: ${Object.keys(PROTOCOLS).join(', ')}`);
  return p;
}

function makeSynapse(c: Command): Synapse {
  const P = protocol(c.synapse);
  // The field values come from pytest as JSON; the protocol's constructor validates them.
  return new (P as unknown as new (init: Record<string, unknown>) => Synapse)(c.fields ?? {});
}

async function serve(c: Command): Promise<unknown> {
  const allow = c.allow === undefined || c.allow === null ? null : new Set(c.allow);
  const metagraph: MetagraphView | undefined =
    allow === null
      ? undefined
      : {
          isRegistered: (h) => allow.has(h),
          hasValidatorPermit: (h) => allow.has(h),
          stakeOf: (h) => (allow.has(h) ? 1 : 0),
        };
  const axon = new Axon({
    keypair: keyOf(c.hotkey),
    ip: '127.0.0.1',
    port: 0,
    ...(metagraph === undefined ? { open: true } : { metagraph }),
    signResponses: c.signResponses ?? true,
  })
    .attach(Echo, (s) => {
      s.echoed = `${s.text}|${s.tags.join(',')}`;
      return s;
    })
    .attach(Dummy, (s) => {
      s.dummy_output = s.dummy_input * 2;
      return s;
    })
    .attach(Slow, async (s, ctx) => {
      await sleep(s.delay * 1000, undefined, { signal: ctx.signal }).catch(() => undefined);
      s.done = true;
      return s;
    });
  axons.push(axon);
  const info = await axon.start();
  return { ip: info.ip, port: info.port, hotkey: info.hotkey };
}

const terminal = (t: Synapse['axon']) => ({
  status_code: t.statusCode ?? null,
  status_message: t.statusMessage ?? null,
  hotkey: t.hotkey ?? null,
  nonce: t.nonce === undefined ? null : t.nonce.toString(),
  uuid: t.uuid ?? null,
  signature: t.signature ?? null,
  version: t.version ?? null,
  process_time: t.processTime ?? null,
});

async function call(c: Command): Promise<unknown> {
  const kp = keyOf(c.hotkey);
  let d = dendrites.get(kp.ss58Address);
  if (d === undefined) {
    d = new Dendrite({ keypair: kp });
    dendrites.set(kp.ss58Address, d);
  }
  if (c.target === undefined) throw new Error('target {ip, port, hotkey} is required');
  const s = await d.call(c.target, makeSynapse(c), { timeout: c.timeout ?? 12 });
  const fields: Record<string, unknown> = {};
  for (const { key } of s.spec.fields) fields[key] = (s as unknown as Record<string, unknown>)[key];
  return {
    dendrite_hotkey: kp.ss58Address,
    status: s.dendrite.statusCode ?? null,
    message: s.dendrite.statusMessage ?? null,
    axon: terminal(s.axon),
    fields,
  };
}

function post(
  target: AxonTarget,
  name: string,
  headers: Record<string, string>,
  body: string,
  timeoutS: number,
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve) => {
    const req = request(
      {
        host: target.ip,
        port: target.port,
        path: `/${name}`,
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        timeout: timeoutS * 1000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (x: Buffer) => chunks.push(x));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }),
        );
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (e) => resolve({ status: 0, body: String(e), headers: {} }));
    req.end(body);
  });
}

async function raw(c: Command): Promise<unknown> {
  await initFastSr25519();
  const kp = keyOf(c.hotkey);
  const target = c.target;
  if (target === undefined) throw new Error('target {ip, port, hotkey} is required');
  const s = makeSynapse(c);
  const timeout = c.timeout ?? 12;
  // A stale request is signed correctly, but with a nonce from a minute ago.
  const nonce = nextNonce() - (c.tamper === 'stale' ? 60_000_000_000n : 0n);
  const uuid = 'taonet-peer-raw';
  s.timeout = timeout;
  s.dendrite = { version: 10_005_000, nonce, uuid, hotkey: kp.ss58Address, ip: '127.0.0.1' };
  s.axon = { ip: target.ip, port: target.port, hotkey: target.hotkey };
  const bodyHash = synapseBodyHash(s);
  const message = dendriteMessage({ nonce, dendriteHotkey: kp.ss58Address, axonHotkey: target.hotkey, uuid, bodyHash });
  const sig = makeSigner(kp)(utf8(message));
  if (c.tamper === 'signature') sig[10] = (sig[10] ?? 0) ^ 0x01;
  s.dendrite.signature = toHex(sig);
  const headers = synapseToHeaders(s, bodyHash, fieldsFragment(s).length);
  if (c.tamper === 'body') {
    // The signed header hash stays; a hashed input changes after signing (a man in the middle).
    const fieldsRecord = s as unknown as Record<string, unknown>;
    const first = s.spec.hashFields[0];
    if (first === undefined) throw new Error(`${s.name} has no hash fields to tamper with`);
    fieldsRecord[first] = typeof fieldsRecord[first] === 'string' ? `${fieldsRecord[first]}!` : fieldsRecord[first];
  }
  const body = synapseBody(s);
  const out = [];
  for (let i = 0; i < (c.sends ?? 1); i++) out.push(await post(target, s.name, headers, body, timeout));
  return { nonce: nonce.toString(), body_hash: bodyHash, sends: out };
}

async function handle(c: Command): Promise<unknown> {
  switch (c.op) {
    case 'serve':
      return serve(c);
    case 'call':
      return call(c);
    case 'raw':
      return raw(c);
    case 'stop':
      await shutdown();
      return { stopped: true };
    default:
      throw new Error(`unknown op ${c.op}`);
  }
}

async function shutdown(): Promise<void> {
  for (const d of dendrites.values()) d.close();
  await Promise.all(axons.map((a) => a.stop()));
}

const reply = (o: unknown): void => {
  process.stdout.write(`${JSON.stringify(o)}\n`);
};

const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  if (line.trim() === '') return;
  let cmd: Command;
  try {
    cmd = JSON.parse(line) as Command;
  } catch (e) {
    reply({ ok: false, error: `not JSON: ${(e as Error).message}` });
    return;
  }
  // Commands run concurrently (a slow call must not block a ping); answers carry the id.
  handle(cmd).then(
    (result) => {
      reply({ id: cmd.id ?? null, ok: true, result });
      if (cmd.op === 'stop') process.exit(0);
    },
    (e: unknown) => reply({ id: cmd.id ?? null, ok: false, error: e instanceof Error ? e.message : String(e) }),
  );
});
lines.on('close', () => {
  void shutdown().then(() => process.exit(0));
});
reply({ event: 'ready', pid: process.pid });
