/**
 * The explorer's server: one port serves the page (bundled with esbuild at start), the `/api/*`
 * history the node does not keep (see history.ts), and `/rpc`, a WebSocket pass-through to the
 * node — so a browser needs to reach only this port, and the page talks JSON-RPC to the node
 * through it (reads and live subscriptions).
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { connect as netConnect, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { toAccountHex } from '@taonet/sdk/client';
import { History } from './history.js';

export interface ExplorerOptions {
  /** The node's WebSocket JSON-RPC URL (ws://host:port). */
  readonly rpc: string;
  /** HTTP port (0 picks a free one; default 8080). */
  readonly port?: number;
  readonly host?: string;
  /** Per-block subnet snapshots kept in memory. */
  readonly historyBlocks?: number;
  /** Recent blocks whose events are indexed at start. */
  readonly backfillBlocks?: number;
  readonly log?: (line: string) => void;
}

export interface RunningExplorer {
  readonly url: string;
  readonly port: number;
  readonly history: History;
  close(): Promise<void>;
}

interface Assets {
  readonly js: Uint8Array;
  readonly css: Uint8Array;
  readonly html: string;
}

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

/** Bundles the page (TypeScript + uPlot + the SDK client) for the browser. */
export async function bundleAssets(): Promise<Assets> {
  const r = await build({
    entryPoints: { app: here('./app/main.ts'), style: here('./app/style.css') },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    outdir: '/explorer-out',
    // The SDK's WebSocket client loads `ws` only where the platform has no WebSocket.
    external: ['ws'],
    // The SDK's hex/base64 helpers use Node's Buffer: give the page a small stand-in.
    inject: [here('./app/buffer-shim.ts')],
    logLevel: 'silent',
    legalComments: 'none',
  });
  const js = r.outputFiles.find((f) => f.path.endsWith('app.js'));
  const css = r.outputFiles.find((f) => f.path.endsWith('style.css'));
  if (js === undefined || css === undefined) throw new Error('esbuild produced no app.js/style.css');
  return { js: js.contents, css: css.contents, html: readFileSync(here('./app/index.html'), 'utf8') };
}

function send(res: ServerResponse, status: number, type: string, body: string | Uint8Array): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(body);
}

const json = (res: ServerResponse, v: unknown, status = 200): void =>
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(v));

/** Passes a WebSocket upgrade on `/rpc` through to the node, bytes both ways. */
function proxyUpgrade(rpc: URL, req: IncomingMessage, client: Socket, head: Buffer): void {
  const upstream = netConnect(Number(rpc.port || (rpc.protocol === 'wss:' ? 443 : 80)), rpc.hostname);
  const fail = (): void => {
    client.destroy();
    upstream.destroy();
  };
  upstream.once('error', fail);
  client.once('error', fail);
  upstream.once('connect', () => {
    const lines = [`GET ${rpc.pathname || '/'} HTTP/1.1`];
    for (let i = 0; i < req.rawHeaders.length; i += 2) {
      const k = req.rawHeaders[i] as string;
      const v = req.rawHeaders[i + 1] as string;
      lines.push(`${k}: ${k.toLowerCase() === 'host' ? rpc.host : v}`);
    }
    upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
    if (head.length > 0) upstream.write(head);
    upstream.pipe(client);
    client.pipe(upstream);
  });
  upstream.once('close', () => client.destroy());
  client.once('close', () => upstream.destroy());
}

export async function startExplorer(o: ExplorerOptions): Promise<RunningExplorer> {
  const rpc = new URL(o.rpc);
  if (rpc.protocol !== 'ws:') throw new Error(`--rpc must be a ws:// URL, got ${o.rpc}`);
  const log = o.log ?? (() => undefined);
  const assets = await bundleAssets();
  const history = new History({
    rpc: o.rpc,
    ...(o.historyBlocks === undefined ? {} : { capacity: o.historyBlocks }),
    ...(o.backfillBlocks === undefined ? {} : { backfillBlocks: o.backfillBlocks }),
    log,
  });
  void history.start();

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const u = new URL(req.url ?? '/', 'http://explorer');
    const p = u.pathname;
    if (req.method !== 'GET' && req.method !== 'HEAD') return json(res, { error: 'method not allowed' }, 405);
    if (p === '/' || p === '/index.html') return send(res, 200, 'text/html; charset=utf-8', assets.html);
    if (p === '/app.js') return send(res, 200, 'text/javascript; charset=utf-8', assets.js);
    if (p === '/app.css') return send(res, 200, 'text/css; charset=utf-8', assets.css);
    if (p === '/api/status') return json(res, history.status());
    let m = /^\/api\/history\/(\d+)$/.exec(p);
    if (m !== null) return json(res, history.history(Number(m[1]), Number(u.searchParams.get('since') ?? 0)));
    m = /^\/api\/registrations\/(\d+)$/.exec(p);
    if (m !== null) return json(res, history.registrationsOf(Number(m[1])));
    m = /^\/api\/account\/([^/]+)\/extrinsics$/.exec(p);
    if (m !== null) {
      let hex: string;
      try {
        hex = toAccountHex(decodeURIComponent(m[1] as string));
      } catch (e) {
        return json(res, { error: 'InvalidAddress', explanation: (e as Error).message }, 400);
      }
      return json(res, history.extrinsicsOf(hex));
    }
    json(res, { error: 'NotFound', explanation: `no route ${p}` }, 404);
  };

  const server: Server = createServer(handle);
  server.on('upgrade', (req, socket, head) => {
    if (new URL(req.url ?? '/', 'http://explorer').pathname === '/rpc') proxyUpgrade(rpc, req, socket as Socket, head);
    else socket.destroy();
  });
  const sockets = new Set<Socket>();
  server.on('connection', (s) => {
    sockets.add(s);
    s.once('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port ?? 8080, o.host ?? '127.0.0.1', () => resolve());
  });
  const addr = server.address();
  const port = typeof addr === 'object' && addr !== null ? addr.port : (o.port ?? 8080);
  const host = o.host ?? '127.0.0.1';
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    url,
    port,
    history,
    close: async () => {
      history.close();
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
