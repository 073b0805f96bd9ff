/**
 * The beacon on the node: the author writes the due pulses (dev beacon by default on dev chains),
 * a second node re-verifies them on import and refuses a block whose pulses skip a round or do not
 * verify; the optional relay fetches quicknet pulses over drand's HTTP API (here a local server
 * serving recorded quicknet pulses).
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { beaconSecretFromSeed, type DrandPulse, fromHex, pulseRandomness, signRound, toHex } from '@taonet/primitives';
import { storage } from '@taonet/runtime';
import { afterAll, describe, expect, it } from 'vitest';
import { Chain, ImportError } from '../src/chain/chain.js';
import { type ChainSpec, DEV_BEACON, devAccount, devChainSpec } from '../src/chain-spec.js';
import { AuthorityRound } from '../src/consensus/authority-round.js';
import { devKeypair, initCrypto } from '../src/crypto.js';
import { DevBeaconSource } from '../src/drand/dev-beacon-source.js';
import type { PulseSource } from '../src/drand/pulse-source.js';
import { DrandRelaySource } from '../src/drand/relay-source.js';
import { beaconSourceFor } from '../src/node.js';

await initCrypto();
const alice = devKeypair('//Alice');
const consensus = (spec: ChainSpec) => new AuthorityRound(spec.authorities, spec.blockTimeMs);

function build(chain: Chain, slot: bigint, beacon: PulseSource | null) {
  return chain.buildBlock({
    key: alice,
    author: devAccount('Alice'),
    timestamp: slot * 250n,
    slot,
    candidates: [],
    beacon,
  });
}

describe('dev beacon on a dev chain', () => {
  const spec = devChainSpec(250);

  it('the chain spec carries the dev beacon, and a dev node picks the dev source', async () => {
    const chain = await Chain.open(spec, null, consensus(spec));
    expect(spec.genesis.beacon).toEqual(DEV_BEACON);
    expect(toHex(chain.state.value(storage.BeaconConfig)?.publicKey ?? new Uint8Array())).toBe(DEV_BEACON.publicKey);
    expect(beaconSourceFor(chain, null)).toBeInstanceOf(DevBeaconSource);
    expect(beaconSourceFor(chain, 'http://127.0.0.1:1')).toBeInstanceOf(DrandRelaySource);
    await chain.close();
  });

  it('authors every due pulse and a second node imports them after re-verifying', async () => {
    const author = await Chain.open(spec, null, consensus(spec));
    const follower = await Chain.open(spec, null, consensus(spec));
    const source = new DevBeaconSource();
    // Slot n is at n × 250 ms: round ⌊n / 12⌋ + 1 is out.
    const rounds: bigint[] = [];
    for (const slot of [1n, 2n, 13n, 14n, 40n]) {
      const b = build(author, slot, source);
      author.importBlock(b.block);
      follower.importBlock(b.block);
      rounds.push(follower.state.value(storage.LastStoredRound));
      const pulse = b.included.find((x) => x.call.method === 'write_pulse');
      expect(pulse === undefined).toBe(slot === 2n || slot === 14n);
    }
    expect(rounds).toEqual([1n, 1n, 2n, 2n, 4n]);
    expect(follower.headHash).toBe(author.headHash);
    await author.close();
    await follower.close();
  });

  it('a follower refuses a block whose pulse skips a round or does not verify', async () => {
    const follower = await Chain.open(spec, null, consensus(spec));
    const skipper = await Chain.open(spec, null, consensus(spec));
    const first = build(skipper, 1n, new DevBeaconSource());
    skipper.importBlock(first.block);
    follower.importBlock(first.block);
    expect(follower.state.value(storage.LastStoredRound)).toBe(1n);
    // The dishonest author's own state thinks round 3 is already stored: it writes round 4 next.
    skipper.state.put(storage.LastStoredRound, 3n);
    const skipped = build(skipper, 40n, new DevBeaconSource());
    expect(skipped.included.some((x) => x.call.method === 'write_pulse')).toBe(true);
    expect(() => follower.importBlock(skipped.block)).toThrow(/InvalidRoundNumber/);
    skipper.discardBuilt();

    // Another author trusts another key and writes pulses it signed.
    const forger = await Chain.open(spec, null, consensus(spec));
    const secret = beaconSecretFromSeed('not the dev beacon');
    const cfg = forger.state.value(storage.BeaconConfig);
    if (cfg === null) throw new Error('dev chain without beacon');
    const { bls12_381 } = await import('@noble/curves/bls12-381.js');
    forger.state.put(storage.BeaconConfig, {
      ...cfg,
      publicKey: bls12_381.G2.Point.BASE.multiply(secret).toBytes(true),
    });
    const forged: PulseSource = { pulses: (from, to) => [from, to].slice(0, 1).map((r) => signRound(secret, r)) };
    const bad = build(forger, 1n, forged);
    expect(bad.included.some((x) => x.call.method === 'write_pulse')).toBe(true);
    const fresh = await Chain.open(spec, null, consensus(spec));
    expect(() => fresh.importBlock(bad.block)).toThrow(ImportError);
    expect(() => fresh.importBlock(bad.block)).toThrow(/PulseVerificationError/);
    expect(fresh.head.number).toBe(0n);
    expect(follower.head.number).toBe(1n);
    await fresh.close();
    for (const c of [follower, skipper, forger]) await c.close();
  });

  it('an author leaves out pulses the runtime refuses, and builds the block anyway', async () => {
    const chain = await Chain.open(spec, null, consensus(spec));
    const lying: PulseSource = { pulses: (from) => [{ ...signRound(beaconSecretFromSeed('x'), from) }] };
    const b = build(chain, 1n, lying);
    expect(b.included.some((x) => x.call.method === 'write_pulse')).toBe(false);
    chain.importBlock(b.block);
    expect(chain.state.value(storage.LastStoredRound)).toBe(0n);
    await chain.close();
  });
});

describe('drand relay (recorded quicknet pulses over a local HTTP server)', () => {
  const fixture = JSON.parse(
    readFileSync(new URL('../../primitives/test/fixtures/drand-quicknet.json', import.meta.url), 'utf8'),
  ).quicknet as {
    chainHash: string;
    publicKey: string;
    genesisTime: string;
    period: string;
    pulses: { round: number; signature: string; randomness?: string }[];
  };
  const requests: string[] = [];
  let server: Server;
  let url = '';
  const started = new Promise<void>((resolve) => {
    server = createServer((req, res) => {
      requests.push(req.url ?? '');
      const m = /^\/([0-9a-f]{64})\/public\/(\d+)$/.exec(req.url ?? '');
      const p =
        m !== null && m[1] === fixture.chainHash ? fixture.pulses.find((x) => String(x.round) === m[2]) : undefined;
      if (p === undefined) {
        res.writeHead(404).end('{"error":"not found"}');
        return;
      }
      // drand serves randomness = sha256(signature); the fixture records it for round 1000 only.
      const randomness = p.randomness ?? toHex(pulseRandomness(fromHex(`0x${p.signature}`))).slice(2);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ...p, randomness }));
    });
    server.listen(0, '127.0.0.1', () => {
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      resolve();
    });
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const quicknet = {
    publicKey: `0x${fixture.publicKey}`,
    genesisTime: BigInt(fixture.genesisTime),
    period: BigInt(fixture.period),
    chainHash: `0x${fixture.chainHash}`,
  };
  const spec: ChainSpec = { ...devChainSpec(250), genesis: { ...devChainSpec(250).genesis, beacon: quicknet } };

  it('fetches, verifies and serves consecutive pulses; refuses what does not verify', async () => {
    await started;
    const errors: string[] = [];
    const relay = new DrandRelaySource({
      url,
      chainHash: fromHex(quicknet.chainHash),
      publicKey: fromHex(quicknet.publicKey),
      onError: (r, why) => errors.push(`${r}: ${why}`),
    });
    const got = await relay.fetchRound(1001n);
    expect(got?.round).toBe(1001n);
    expect(requests).toContain(`/${fixture.chainHash}/public/1001`);
    expect(await relay.fetchRound(1003n)).toBeNull();
    expect(errors[0]).toMatch(/1003: HTTP 404/);
    // Under another key the recorded pulses do not verify.
    const wrongKey = new DrandRelaySource({
      url,
      chainHash: fromHex(quicknet.chainHash),
      publicKey: fromHex(DEV_BEACON.publicKey),
      onError: (r, why) => errors.push(`${r}: ${why}`),
    });
    expect(await wrongKey.fetchRound(1000n)).toBeNull();
    expect(errors.at(-1)).toMatch(/1000: .*signature/);
    relay.close();
  });

  it('a chain on quicknet writes the relayed rounds, and a follower verifies them', async () => {
    await started;
    const author = await Chain.open(spec, null, consensus(spec));
    const follower = await Chain.open(spec, null, consensus(spec));
    const relay = beaconSourceFor(author, url) as DrandRelaySource;
    // The slot at which round 1000 is the latest published round.
    const at1000 = ((quicknet.genesisTime + 999n * quicknet.period) * 1000n) / 250n;
    const pulses: (DrandPulse | undefined)[] = [];
    for (const [i, slot] of [at1000, at1000 + 12n, at1000 + 24n, at1000 + 36n].entries()) {
      relay.prefetch(1000n, 1003n);
      await new Promise((r) => setTimeout(r, 300));
      const b = build(author, slot, relay);
      author.importBlock(b.block);
      follower.importBlock(b.block);
      pulses[i] = relay.pulses(1000n + BigInt(i), 1000n + BigInt(i))[0];
    }
    expect(follower.state.value(storage.LastStoredRound)).toBe(1002n);
    expect(toHex(follower.state.get(storage.Pulses, 1001n)?.signature ?? new Uint8Array())).toBe(
      `0x${fixture.pulses[1]?.signature}`,
    );
    expect(follower.state.value(storage.OldestStoredRound)).toBe(1000n);
    relay.close();
    await author.close();
    await follower.close();
  });
});
