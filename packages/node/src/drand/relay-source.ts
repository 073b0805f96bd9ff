/**
 * A relay of a real drand beacon (e.g. quicknet) over drand's HTTP API: `GET <base>/<chain
 * hash>/public/<round>` answers `{round, randomness, signature}`. Off unless a node is started
 * with `--drand-relay <url>`. Pulses are fetched ahead of use (`prefetch`) and checked against the
 * chain's beacon key before they are kept, so a bad relay answer never makes this node's block
 * invalid; a round the relay cannot serve yet is simply not written until it can.
 */
import { assertValidPulse, type DrandPulse, pulseFromDrandJson, toHex } from '@taonet/primitives';
import type { PulseSource } from './pulse-source.js';

export interface RelayOptions {
  /** Base URL of a drand HTTP API (no trailing slash needed). */
  readonly url: string;
  /** The beacon's chain hash (32 bytes) and public key, from the chain's BeaconConfig. */
  readonly chainHash: Uint8Array;
  readonly publicKey: Uint8Array;
  /** Per-request timeout (ms). */
  readonly timeoutMs?: number;
  /** Called with each failed fetch (for the node's log). */
  readonly onError?: (round: bigint, reason: string) => void;
}

/** Rounds kept in memory behind the newest requested one. */
const KEEP = 256n;

export class DrandRelaySource implements PulseSource {
  private readonly cache = new Map<bigint, DrandPulse>();
  private readonly inFlight = new Set<bigint>();
  private closed = false;

  constructor(private readonly o: RelayOptions) {}

  pulses(from: bigint, to: bigint): DrandPulse[] {
    const out: DrandPulse[] = [];
    for (let r = from; r <= to; r++) {
      const p = this.cache.get(r);
      if (p === undefined) break;
      out.push(p);
    }
    return out;
  }

  prefetch(from: bigint, to: bigint): void {
    for (const r of this.cache.keys()) if (r < from - KEEP) this.cache.delete(r);
    for (let r = from; r <= to; r++) {
      if (this.cache.has(r) || this.inFlight.has(r) || this.closed) continue;
      this.inFlight.add(r);
      void this.fetchRound(r).finally(() => this.inFlight.delete(r));
    }
  }

  /** Fetches and checks one round; resolves to it, or null (reported through onError). */
  async fetchRound(round: bigint): Promise<DrandPulse | null> {
    const url = `${this.o.url.replace(/\/+$/, '')}/${toHex(this.o.chainHash).slice(2)}/public/${round}`;
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(this.o.timeoutMs ?? 5_000) });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const pulse = pulseFromDrandJson(await res.json());
      if (pulse.round !== round) throw new Error(`asked for round ${round}, got ${pulse.round}`);
      assertValidPulse(this.o.publicKey, pulse);
      if (!this.closed) this.cache.set(round, pulse);
      return pulse;
    } catch (e) {
      this.o.onError?.(round, (e as Error).message);
      return null;
    }
  }

  close(): void {
    this.closed = true;
    this.cache.clear();
  }
}
