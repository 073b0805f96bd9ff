// Temporary (not committed): old vs new axon, verified requests per axon CPU-second, interleaved.
import { spawn, execFileSync } from 'node:child_process';
import { Agent, request } from 'node:http';
import { createInterface } from 'node:readline';
import { toHex, utf8 } from '../packages/sdk/src/bytes.js';
import { nextNonce } from '../packages/sdk/src/dendrite/nonce-clock.js';
import { keypairFromMiniSecret } from '../packages/sdk/src/keys/keypair.js';
import { defineSynapse } from '../packages/sdk/src/synapse/define-synapse.js';
import { initFastSr25519, makeSigner } from '../packages/sdk/src/synapse/fast-sr25519.js';
import { field } from '../packages/sdk/src/synapse/fields.js';
import { dendriteMessage } from '../packages/sdk/src/synapse/messages.js';
import { fieldsFragment, synapseBody, synapseBodyHash, synapseToHeaders } from '../packages/sdk/src/synapse/wire.js';
const Echo = defineSynapse({ name: 'Echo', request: { text: field.str() }, response: { echoed: field.str().optional() }, hashFields: ['text'], deserialize: (s) => s.echoed });
const key = (tag: number, i: number) => { const s = new Uint8Array(32); s[0] = tag; s[1] = i & 0xff; s[2] = i >> 8; return keypairFromMiniSecret(s); };
await initFastSr25519();
execFileSync('taskset', ['-pc', '1', String(process.pid)]);
function child(dir: string) {
  const p = spawn('taskset', ['-c', '0', process.execPath, ...process.execArgv, `${dir}/bench/axon.bench.ts`, '--axon-bench-child', 'one'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: p.stdout! });
  const ready = new Promise<any>((r) => lines.once('line', (l) => r(JSON.parse(l))));
  const cpu = () => new Promise<number>((r) => { lines.once('line', (l) => r(JSON.parse(l).cpuUs / 1e6)); p.stdin!.write('cpu\n'); });
  return { p, ready, cpu };
}
const callers = Array.from({ length: 16 }, (_, i) => key(1, i)).map((k) => ({ k, sign: makeSigner(k) }));
function prep(n: number, to: any) {
  const out: { headers: Record<string, string>; body: string }[] = [];
  for (let i = 0; i < n; i++) {
    const { k, sign } = callers[i % 16]!;
    const s = new Echo({ text: `hello ${i}` }); const nonce = nextNonce(); s.timeout = 12;
    s.dendrite = { version: 10_002_000, nonce, uuid: 'cmp', hotkey: k.ss58Address }; s.axon = { ip: to.ip, port: to.port, hotkey: to.hotkey };
    const bodyHash = synapseBodyHash(s);
    s.dendrite.signature = toHex(sign(utf8(dendriteMessage({ nonce, dendriteHotkey: k.ss58Address, axonHotkey: to.hotkey, uuid: 'cmp', bodyHash }))));
    const f = fieldsFragment(s); out.push({ headers: synapseToHeaders(s, bodyHash, f.length), body: synapseBody(s, f) });
  }
  return out;
}
async function drive(port: number, reqs: any[], ms: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 }); let next = 0, ok = 0; const until = performance.now() + ms;
  const one = (p: any) => new Promise<number>((res) => { const r = request({ agent, host: '127.0.0.1', port, path: '/Echo', method: 'POST', headers: { ...p.headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(p.body) } }, (x) => { x.resume(); x.on('end', () => res(x.statusCode ?? 0)); }); r.on('error', () => res(0)); r.end(p.body); });
  await Promise.all(Array.from({ length: 64 }, async () => { while (next < reqs.length && performance.now() < until) if ((await one(reqs[next++])) === 200) ok++; }));
  agent.destroy(); return ok;
}
const old = child('/tmp/i18-base'); const neu = child('/work/wt-i18');
const oldT = (await old.ready).axons[0]; const newT = (await neu.ready).axons[0];
const res: Record<string, number[]> = { old: [], new: [] };
for (let round = 0; round < 4; round++) {
  for (const [name, c, t] of (round % 2 === 0 ? [['old', old, oldT], ['new', neu, newT]] : [['new', neu, newT], ['old', old, oldT]]) as any) {
    const reqs = prep(round === 0 ? 2500 : 1000 + 2000 * 2, t);
    if (round === 0) { await drive(t.port, reqs.slice(0, 1500), 1e9); }
    const c0 = await c.cpu(); const ok = await drive(t.port, round === 0 ? reqs.slice(1500) : reqs, 2000); const cpuS = (await c.cpu()) - c0;
    res[name]!.push(ok / cpuS); console.log(`round ${round} ${name}: ${ok} ok, ${(ok / cpuS).toFixed(0)} per CPU-second`);
  }
}
const med = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!;
console.log(`median per CPU-second: old ${med(res.old!).toFixed(0)}, new ${med(res.new!).toFixed(0)}, new/old ${(med(res.new!) / med(res.old!)).toFixed(3)}`);
old.p.kill(); neu.p.kill();
