/** The axon reachability probe against real sockets: a live axon, a stranger, a silent port, a closed one. */
import { createServer as createHttpServer } from 'node:http';
import { createServer as createNetServer, type AddressInfo, type Server } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { MetagraphView } from '../src/axon/access.js';
import { Axon } from '../src/axon/axon.js';
import { addressScope, probeAxon } from '../src/axon/probe.js';
import { Dendrite } from '../src/dendrite/dendrite.js';
import { keypairFromUri } from '../src/keys/uri.js';
import { Synapse } from '../src/synapse/synapse.js';

const bob = keypairFromUri('//Bob');
const charlie = keypairFromUri('//Charlie');
// Nobody is registered: every caller is blacklisted, which still proves an axon answers.
const nobody: MetagraphView = { isRegistered: () => false, hasValidatorPermit: () => false, stakeOf: () => 0 };

async function listen(server: Server | ReturnType<typeof createHttpServer>): Promise<number> {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return (server.address() as AddressInfo).port;
}

describe('probeAxon', () => {
  it('finds this very axon at its advertised address, even though it blacklists the caller', async () => {
    const axon = new Axon({ keypair: bob, ip: '127.0.0.1', port: 0, metagraph: nobody });
    await axon.start();
    try {
      const p = await axon.checkReachable(3);
      expect(p).toMatchObject({
        reachable: true,
        hotkey: bob.ss58Address,
        problem: null,
        scope: 'loopback',
        status: 403,
      });
      expect(p.hint).toMatch(/this machine only/);
    } finally {
      await axon.stop();
    }
  });

  it('tells another axon, and another process with the same hotkey, from this one', async () => {
    const other = new Axon({ keypair: charlie, ip: '127.0.0.1', port: 0, open: true });
    const twin = new Axon({ keypair: bob, ip: '127.0.0.1', port: 0, open: true });
    const { port: otherPort } = await other.start();
    const { port: twinPort } = await twin.start();
    // This axon advertises the twin's port: the answer comes from the twin, not from itself.
    const self = new Axon({ keypair: bob, ip: '127.0.0.1', port: 0, externalPort: twinPort, open: true });
    await self.start();
    try {
      const wrong = await probeAxon({ ip: '127.0.0.1', port: otherPort, hotkey: bob.ss58Address }, { timeoutS: 3 });
      expect(wrong).toMatchObject({ reachable: true, hotkey: charlie.ss58Address });
      expect(wrong.problem).toMatch(/Another axon answers/);
      const dup = await self.checkReachable(3);
      expect(dup).toMatchObject({ reachable: true, hotkey: bob.ss58Address });
      expect(dup.problem).toMatch(/Another process with this hotkey/);
      const right = await probeAxon({ ip: '127.0.0.1', port: otherPort, hotkey: charlie.ss58Address }, { timeoutS: 3 });
      expect(right).toMatchObject({ reachable: true, problem: null, status: 200 });
    } finally {
      await Promise.all([other.stop(), twin.stop(), self.stop()]);
    }
  });

  it('reports a closed port, a silent one, and a server that is not an axon', async () => {
    const closed = createNetServer();
    const closedPort = await listen(closed);
    await new Promise<void>((r) => closed.close(() => r()));
    const refused = await probeAxon({ ip: '127.0.0.1', port: closedPort }, { timeoutS: 2 });
    expect(refused).toMatchObject({ reachable: false, hotkey: null, status: 503 });
    expect(refused.problem).toMatch(/Nothing accepts connections/);

    const silent = createNetServer(() => {}); // accepts, never answers
    const silentPort = await listen(silent);
    const web = createHttpServer((_req, res) => res.end('{"hello":"world"}'));
    const webPort = await listen(web);
    try {
      const mute = await probeAxon({ ip: '127.0.0.1', port: silentPort }, { timeoutS: 0.3 });
      expect(mute).toMatchObject({ reachable: false, status: 408 });
      expect(mute.problem).toMatch(/No answer .* within 0.3 s/);
      // Even when the caller names the hotkey it expects, a reply without axon headers is no axon.
      const stranger = await probeAxon({ ip: '127.0.0.1', port: webPort, hotkey: bob.ss58Address }, { timeoutS: 2 });
      expect(stranger).toMatchObject({ reachable: false, hotkey: null });
      expect(stranger.problem).toMatch(/not an axon/);
    } finally {
      silent.close();
      web.close();
      silent.unref();
    }
  });
});

// IPv6 loopback, when this host has it: the dendrite's client brackets the host header itself.
const hasIpv6 = await new Promise<boolean>((resolve) => {
  const probe = createNetServer();
  probe.once('error', () => resolve(false));
  probe.listen(0, '::1', () => probe.close(() => resolve(true)));
});

describe.runIf(hasIpv6)('over IPv6', () => {
  it('a dendrite call and a probe reach an axon on ::1', async () => {
    const axon = new Axon({ keypair: bob, ip: '::1', port: 0, open: true });
    const { port } = await axon.start();
    const d = new Dendrite({ keypair: charlie });
    try {
      const s = await d.call({ ip: '::1', port, hotkey: bob.ss58Address }, new Synapse(), { timeout: 3 });
      expect(s.dendrite.statusCode).toBe(200);
      const p = await probeAxon({ ip: '::1', port, hotkey: bob.ss58Address }, { timeoutS: 3 });
      expect(p).toMatchObject({ reachable: true, problem: null, scope: 'loopback', address: `[::1]:${port}` });
    } finally {
      d.close();
      await axon.stop();
    }
  });
});

describe('addressScope', () => {
  it.each([
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['127.0.0.2', 'loopback'],
    ['::1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.32.0.1', 'public'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'private'],
    ['169.254.1.1', 'private'],
    ['fd00::1', 'private'],
    ['fe80::1', 'private'],
    ['::ffff:10.0.0.1', 'private'],
    ['8.8.8.8', 'public'],
    ['2001:db8::1', 'public'],
  ])('%s is %s', (ip, scope) => {
    expect(addressScope(ip)).toBe(scope);
  });
});
