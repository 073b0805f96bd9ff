/**
 * End-to-end test harness: spawns a real `taonet node` process, waits for its one-line JSON
 * startup event, and talks to it over HTTP and WebSocket JSON-RPC. Builds and signs extrinsics with
 * the dev keys. Used by the e2e tests and by `npm run bench -- node`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { request as httpRequest, Agent } from 'node:http';
import { fileURLToPath } from 'node:url';
import {
  type AccountId,
  accountFromBytes,
  type Call,
  fromHex,
  type SignedExtrinsic,
  mortalEra,
  signExtrinsic,
  toHex,
} from '@taonet/primitives';
import { SPEC_VERSION, TRANSACTION_VERSION } from '../../src/substrate/runtime-version.js';
import WebSocket from 'ws';
import { devKeypair, initCrypto, type NodeKeypair, sign } from '../../src/crypto.js';

export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const CLI = fileURLToPath(new URL('../../../cli/bin/taonet.js', import.meta.url));

await initCrypto();

export interface StartOptions {
  readonly basePath?: string;
  /** Default true: blocks only on dev_advanceBlocks. */
  readonly manualSeal?: boolean;
  /** Extra arguments after `taonet node …`. */
  readonly args?: readonly string[];
  /** Arguments for the node binary itself (e.g. --cpu-prof). */
  readonly nodeArgs?: readonly string[];
  /** A command to run the node under, e.g. ['taskset', '-c', '0']. */
  readonly prefix?: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
  readonly startTimeoutMs?: number;
}

export interface StartedEvent {
  readonly event: 'started';
  readonly rpc: string;
  readonly ws: string;
  readonly genesisHash: string;
  readonly head: string;
  readonly [k: string]: unknown;
}

export interface RpcErrorObject {
  readonly code: number;
  readonly message: string;
  readonly data: {
    readonly name: string;
    readonly explanation: string;
    readonly hint?: string;
    readonly details?: Readonly<Record<string, unknown>>;
  };
}

export interface RpcReply {
  readonly jsonrpc?: string;
  readonly id?: unknown;
  readonly result?: unknown;
  readonly error?: RpcErrorObject;
}

export class RpcCallError extends Error {
  constructor(
    readonly method: string,
    readonly error: RpcErrorObject,
  ) {
    super(`${method}: ${error.data?.name ?? error.code}: ${error.message}`);
  }
}

/** A keep-alive HTTP POST of a raw body; resolves with the status and the parsed (or raw) reply. */
export function httpPost(
  url: string,
  body: string | Uint8Array,
  agent: Agent,
): Promise<{ status: number; text: string; json: unknown }> {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const req = httpRequest(
      {
        host: u.hostname,
        port: u.port,
        path: '/',
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = text.length === 0 ? undefined : JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, text, json });
        });
        res.on('error', reject);
      },
    );
    req.on('error', (e: NodeJS.ErrnoException) => {
      // A kept-alive socket the server closed while we were busy (the server's keep-alive timeout
      // ran out): nothing reached the server, so sending again on a fresh socket is safe.
      if (req.reusedSocket && e.code === 'ECONNRESET') httpPost(url, body, agent).then(resolve, reject);
      else reject(e);
    });
    req.end(body);
  });
}

export interface Key {
  readonly uri: string;
  readonly kp: NodeKeypair;
  readonly id: AccountId;
}

const keyCache = new Map<string, Key>();

/** A dev key by URI (`//Alice`) or by name (`Alice`). */
export function key(uriOrName: string): Key {
  const uri = uriOrName.startsWith('//') ? uriOrName : `//${uriOrName}`;
  let k = keyCache.get(uri);
  if (k === undefined) {
    const kp = devKeypair(uri);
    k = { uri, kp, id: accountFromBytes(kp.publicKey) };
    keyCache.set(uri, k);
  }
  return k;
}

export interface TxOptions {
  readonly nonce: bigint;
  /** The block the transaction is built against (its era's birth). */
  readonly birth: bigint;
  /** That block's hash (0x hex); the genesis hash when omitted. */
  readonly birthHash?: string;
  readonly period?: number;
  readonly tip?: bigint;
  /** Runtime versions to sign for (default: this node's). */
  readonly specVersion?: number;
  readonly transactionVersion?: number;
}

/** Signs a call for the chain with `genesisHash`: a Substrate v4 extrinsic, mortal from `birth`. */
export function buildTx(signer: Key, call: Call, genesisHash: string, o: TxOptions): SignedExtrinsic {
  return signExtrinsic(
    { signer: signer.id, nonce: o.nonce, era: mortalEra(o.birth, o.period ?? 64), tip: o.tip ?? 0n, call },
    (m) => sign(signer.kp, m),
    {
      specVersion: o.specVersion ?? SPEC_VERSION,
      transactionVersion: o.transactionVersion ?? TRANSACTION_VERSION,
      genesisHash: fromHex(genesisHash),
      birthHash: fromHex(o.birthHash ?? genesisHash),
    },
  );
}

export interface ExtrinsicResultJson {
  readonly ok: boolean;
  readonly fee: string;
  readonly events: { name: string; data: Record<string, unknown> }[];
  readonly error?: { code: string; explanation: string; hint?: string };
}

export class NodeProcess {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 8 });
  private nextId = 1;
  stderr = '';
  stdout = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  private constructor(
    readonly child: ChildProcess,
    readonly started: StartedEvent,
  ) {
    this.exited = new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null)
        resolve({ code: child.exitCode, signal: child.signalCode });
      else child.once('exit', (code, signal) => resolve({ code, signal }));
    });
  }

  get rpcUrl(): string {
    return this.started.rpc;
  }
  get wsUrl(): string {
    return this.started.ws;
  }
  get genesisHash(): string {
    return this.started.genesisHash;
  }
  get pid(): number {
    return this.child.pid ?? -1;
  }

  static async start(o: StartOptions = {}): Promise<NodeProcess> {
    await initCrypto();
    const args = [
      ...(o.nodeArgs ?? []),
      CLI,
      'node',
      '--dev',
      '--json',
      '--rpc-port',
      '0',
      ...(o.manualSeal === false ? [] : ['--manual-seal']),
      ...(o.basePath === undefined ? [] : ['--base-path', o.basePath]),
      ...(o.args ?? []),
    ];
    const [cmd, ...cmdArgs] =
      o.prefix !== undefined && o.prefix.length > 0
        ? [...o.prefix, process.execPath, ...args]
        : [process.execPath, ...args];
    const child = spawn(cmd as string, cmdArgs, {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...o.env },
    });
    let out = '';
    let err = '';
    child.stderr?.on('data', (c: Buffer) => {
      err += c.toString();
    });
    const started = await new Promise<StartedEvent>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`node did not start within ${o.startTimeoutMs ?? 30_000} ms\nstdout: ${out}\nstderr: ${err}`));
      }, o.startTimeoutMs ?? 30_000);
      const onData = (c: Buffer): void => {
        out += c.toString();
        // One JSON line (older builds printed a pretty-printed document: try the whole text too).
        for (const cand of [...out.split('\n'), out]) {
          const t = cand.trim();
          if (!t.startsWith('{')) continue;
          try {
            const v = JSON.parse(t) as StartedEvent;
            if (v.event === 'started') {
              clearTimeout(timer);
              child.stdout?.off('data', onData);
              resolve(v);
              return;
            }
            if ((v as { ok?: boolean }).ok === false) {
              clearTimeout(timer);
              reject(new Error(`node failed to start: ${t}\nstderr: ${err}`));
              return;
            }
          } catch {
            // not complete yet
          }
        }
      };
      child.stdout?.on('data', onData);
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`node exited (${code ?? signal}) before starting\nstdout: ${out}\nstderr: ${err}`));
      });
    });
    const node = new NodeProcess(child, started);
    node.stdout = out;
    child.stdout?.on('data', (c: Buffer) => {
      node.stdout += c.toString();
    });
    child.stderr?.on('data', (c: Buffer) => {
      node.stderr += c.toString();
    });
    node.stderr = err;
    return node;
  }

  /** Sends one raw body; the parsed reply. */
  post(body: string | Uint8Array): Promise<{ status: number; text: string; json: unknown }> {
    return httpPost(this.rpcUrl, body, this.agent);
  }

  /** One JSON-RPC call over HTTP; the whole reply object (result or error). */
  async request(method: string, params: readonly unknown[] = []): Promise<RpcReply> {
    const id = this.nextId++;
    const r = await this.post(JSON.stringify({ jsonrpc: '2.0', id, method, params }));
    return r.json as RpcReply;
  }

  /** One JSON-RPC call; the result, or throws RpcCallError. */
  async rpc<T = unknown>(method: string, params: readonly unknown[] = []): Promise<T> {
    const r = await this.request(method, params);
    if (r.error !== undefined) throw new RpcCallError(method, r.error);
    return r.result as T;
  }

  /** A batch of calls in one HTTP request. */
  async batch(calls: readonly { method: string; params: readonly unknown[] }[]): Promise<RpcReply[]> {
    const body = JSON.stringify(
      calls.map((c) => ({ jsonrpc: '2.0', id: this.nextId++, method: c.method, params: c.params })),
    );
    const r = await this.post(body);
    return r.json as RpcReply[];
  }

  async head(): Promise<{ number: bigint; hash: string; stateRoot: string }> {
    const h = await this.rpc<{ number: string; hash: string; stateRoot: string }>('taonet_getHeader');
    return { number: BigInt(h.number), hash: h.hash, stateRoot: h.stateRoot };
  }

  async seal(n = 1): Promise<{ head: bigint; hashes: string[] }> {
    const r = await this.rpc<{ head: string; hashes: string[] }>('dev_advanceBlocks', [n]);
    return { head: BigInt(r.head), hashes: r.hashes };
  }

  async nextNonce(who: Key | AccountId): Promise<bigint> {
    return BigInt(await this.rpc<string>('system_accountNextIndex', [typeof who === 'string' ? who : who.id]));
  }

  /** Signs `method(args)` as `signer` with the next nonce against the head. */
  async sign(
    signer: Key,
    method: string,
    args: Record<string, unknown>,
    o: Partial<TxOptions> = {},
  ): Promise<SignedExtrinsic> {
    const nonce = o.nonce ?? (await this.nextNonce(signer));
    const head = await this.head();
    const birth = o.birth ?? head.number;
    const birthHash =
      o.birthHash ??
      (birth === head.number ? head.hash : await this.rpc<string>('chain_getBlockHash', [Number(birth)]));
    return buildTx(signer, { method, args }, this.genesisHash, { ...o, nonce, birth, birthHash });
  }

  /** Signs and submits; the hash. */
  async submit(
    signer: Key,
    method: string,
    args: Record<string, unknown>,
    o: Partial<TxOptions> = {},
  ): Promise<string> {
    const tx = await this.sign(signer, method, args, o);
    return this.rpc<string>('author_submitExtrinsic', [toHex(tx.bytes)]);
  }

  /** The inclusion result of an extrinsic (after sealing). */
  async resultOf(hash: string): Promise<ExtrinsicResultJson> {
    const s = await this.rpc<{ status: string; result: ExtrinsicResultJson } | null>('taonet_extrinsicStatus', [hash]);
    if (s === null || s.status !== 'inBlock')
      throw new Error(`extrinsic ${hash} is not in a block: ${JSON.stringify(s)}`);
    return s.result;
  }

  /** Submits, seals one block, and returns the extrinsic's result. */
  async exec(
    signer: Key,
    method: string,
    args: Record<string, unknown>,
    o: Partial<TxOptions> = {},
  ): Promise<ExtrinsicResultJson> {
    const hash = await this.submit(signer, method, args, o);
    await this.seal(1);
    return this.resultOf(hash);
  }

  /** Sends a signal; resolves when the process has exited. */
  async kill(signal: NodeJS.Signals = 'SIGTERM'): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    this.agent.destroy();
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
    const t = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    const r = await this.exited;
    clearTimeout(t);
    return r;
  }
}

/** A WebSocket JSON-RPC client with subscriptions. */
export class WsClient {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: RpcReply) => void; reject: (e: Error) => void }>();
  private readonly subs = new Map<string, unknown[]>();
  private readonly waiters = new Map<string, (() => void)[]>();
  /** Replies that matched no pending request (e.g. to raw messages). */
  readonly unmatched: unknown[] = [];

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const text = data.toString();
      let msg: unknown;
      try {
        msg = JSON.parse(text);
      } catch {
        this.unmatched.push(text);
        return;
      }
      const m = msg as { id?: unknown; method?: string; params?: { subscription: string; result: unknown } };
      if (m.method !== undefined && m.params !== undefined && typeof m.params.subscription === 'string') {
        const sid = m.params.subscription;
        let list = this.subs.get(sid);
        if (list === undefined) {
          list = [];
          this.subs.set(sid, list);
        }
        list.push({ method: m.method, result: m.params.result });
        for (const w of this.waiters.get(sid) ?? []) w();
        return;
      }
      const cb = typeof m.id === 'number' ? this.pending.get(m.id) : undefined;
      if (cb !== undefined) {
        this.pending.delete(m.id as number);
        cb.resolve(m as RpcReply);
      } else this.unmatched.push(msg);
    });
    // A closed connection fails what is still waiting, so no caller hangs on a dead node.
    ws.on('close', () => {
      for (const p of this.pending.values()) p.reject(new Error('WebSocket closed'));
      this.pending.clear();
    });
    ws.on('error', () => {});
  }

  static connect(url: string): Promise<WsClient> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { maxPayload: 256 * 1024 * 1024 });
      ws.once('open', () => resolve(new WsClient(ws)));
      ws.once('error', reject);
    });
  }

  request(method: string, params: readonly unknown[] = []): Promise<RpcReply> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      if (this.ws.readyState !== WebSocket.OPEN) {
        reject(new Error('WebSocket is not open'));
        return;
      }
      this.pending.set(id, { resolve, reject });
      this.ws.send(JSON.stringify({ jsonrpc: '2.0', id, method, params }));
    });
  }

  async rpc<T = unknown>(method: string, params: readonly unknown[] = []): Promise<T> {
    const r = await this.request(method, params);
    if (r.error !== undefined) throw new RpcCallError(method, r.error);
    return r.result as T;
  }

  /** Sends a raw text and resolves with the next unmatched message. */
  raw(text: string | Buffer): Promise<unknown> {
    const before = this.unmatched.length;
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error('no reply to raw message')), 10_000);
      const check = (): void => {
        if (this.unmatched.length > before) {
          clearTimeout(t);
          this.ws.off('message', check);
          resolve(this.unmatched[before]);
        }
      };
      this.ws.on('message', () => setImmediate(check));
      this.ws.send(text);
    });
  }

  /** Batch of requests sent as one message; resolves with the reply array. */
  batch(calls: readonly { method: string; params: readonly unknown[] }[]): Promise<RpcReply[]> {
    const ids = calls.map(() => this.nextId++);
    const first = ids[0] as number;
    return new Promise((resolve) => {
      // The reply is an array; route it through `unmatched` by waiting for it.
      const onMsg = (data: WebSocket.RawData): void => {
        let v: unknown;
        try {
          v = JSON.parse(data.toString());
        } catch {
          return;
        }
        if (Array.isArray(v) && (v as RpcReply[]).some((r) => r.id === first || r.id === null)) {
          this.ws.off('message', onMsg);
          resolve(v as RpcReply[]);
        } else if (!Array.isArray(v) && (v as RpcReply).id === null && (v as RpcReply).error !== undefined) {
          this.ws.off('message', onMsg);
          resolve([v as RpcReply]);
        }
      };
      this.ws.on('message', onMsg);
      this.ws.send(
        JSON.stringify(calls.map((c, i) => ({ jsonrpc: '2.0', id: ids[i], method: c.method, params: c.params }))),
      );
    });
  }

  /** Notifications received so far on a subscription. */
  notifications(sid: string): { method: string; result: unknown }[] {
    return (this.subs.get(sid) ?? []) as { method: string; result: unknown }[];
  }

  /** Waits until the subscription has at least `n` notifications. */
  async waitFor(sid: string, n: number, timeoutMs = 10_000): Promise<{ method: string; result: unknown }[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.notifications(sid).length < n) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`subscription ${sid}: ${this.notifications(sid).length}/${n} notifications`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        let list = this.waiters.get(sid);
        if (list === undefined) {
          list = [];
          this.waiters.set(sid, list);
        }
        list.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
      this.waiters.delete(sid);
    }
    return this.notifications(sid);
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (this.ws.readyState === WebSocket.CLOSED) resolve();
      else {
        this.ws.once('close', () => resolve());
        this.ws.close();
      }
    });
  }
}

/** True when every reply is a JSON-RPC error object with a numeric code and data.name. */
export function isTypedError(r: unknown): r is RpcReply & { error: RpcErrorObject } {
  if (r === null || typeof r !== 'object') return false;
  const e = (r as RpcReply).error;
  return (
    (r as RpcReply).jsonrpc === '2.0' &&
    e !== undefined &&
    typeof e.code === 'number' &&
    typeof e.message === 'string' &&
    typeof e.data?.name === 'string' &&
    e.data.name.length > 0 &&
    typeof e.data.explanation === 'string'
  );
}

export const hex = toHex;
