/**
 * Is an axon reachable at an address? A signed ping (the base `Synapse` route every axon serves)
 * answers it: any reply that carries axon headers proves an axon listens there, and tells which
 * hotkey (and which process, by its uuid) it is, even when the axon refuses the caller.
 *
 * Miners behind NAT or in containers advertise an address that differs from the one they bind,
 * and a wrong port forward is only discovered when validators stop scoring them. Checking before
 * advertising turns that into a message with a fix. A check from the same host proves the address
 * leads to this process; it cannot prove the internet can reach it (hairpin NAT may behave
 * differently), so `taonet axon check` also runs from another machine.
 */
import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { Dendrite } from '../dendrite/dendrite.js';
import { type Keypair, keypairFromMiniSecret } from '../keys/keypair.js';
import { Status } from '../synapse/status.js';
import { Synapse } from '../synapse/synapse.js';

/** How far an address can be dialled from. */
export type AddressScope = 'unspecified' | 'loopback' | 'private' | 'public';

/** The outcome of a probe. */
export interface AxonProbe {
  /** `ip:port` probed. */
  readonly address: string;
  /** An axon answered (whatever it answered). */
  readonly reachable: boolean;
  /** The hotkey the answering axon reports, when one answered. */
  readonly hotkey: string | null;
  /** The ping's status: the axon's answer, or the dendrite's failure (503 unreachable, 408 timeout). */
  readonly status: number;
  readonly latencyMs: number;
  readonly scope: AddressScope;
  /** What is wrong, when something is (unreachable, another axon, another process). */
  readonly problem: string | null;
  /** How to fix it, or what the scope means for other machines. */
  readonly hint: string | null;
}

/** What to probe. */
export interface ProbeTarget {
  readonly ip: string;
  readonly port: number;
  /** The hotkey expected there; a different one is reported as a problem. */
  readonly hotkey?: string;
}

/** How to probe. */
export interface ProbeOptions {
  /** Signs the ping (default: a throwaway key; the axon may refuse it, which still proves it is there). */
  readonly keypair?: Keypair;
  /** Seconds to wait (default 5). */
  readonly timeoutS?: number;
  /** The uuid of the axon expected to answer: tells this process apart from another with the same hotkey. */
  readonly expectUuid?: string;
}

/** The reach of an IP address: unspecified, loopback, private (RFC 1918, CGNAT, link-local, ULA) or public. */
export function addressScope(ip: string): AddressScope {
  const v = isIP(ip);
  if (v === 4) {
    const [a = 0, b = 0] = ip.split('.').map(Number);
    if (a === 0) return 'unspecified';
    if (a === 127) return 'loopback';
    if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'private';
    if ((a === 100 && b >= 64 && b <= 127) || (a === 169 && b === 254)) return 'private';
    return 'public';
  }
  if (v === 6) {
    const x = ip.toLowerCase();
    if (x === '::') return 'unspecified';
    if (x === '::1') return 'loopback';
    if (x.startsWith('::ffff:')) return addressScope(x.slice(7));
    if (/^f[cd]/.test(x) || /^fe[89ab]/.test(x)) return 'private';
    return 'public';
  }
  return 'public'; // a host name: whatever it resolves to
}

function scopeHint(scope: AddressScope, address: string): string | null {
  if (scope === 'unspecified')
    return `${address} is the wildcard address: only this machine can dial it. Advertise the public address (externalIp / --external-ip).`;
  if (scope === 'loopback') return `${address} is reachable from this machine only (fine for a local network).`;
  if (scope === 'private')
    return `${address} is a private address: only machines on the same network can dial it. Advertise the public address for validators elsewhere.`;
  return null;
}

/** Pings the axon at `target` and reports whether, and which, axon answers. Never throws. */
export async function probeAxon(target: ProbeTarget, options: ProbeOptions = {}): Promise<AxonProbe> {
  const address = target.ip.includes(':') ? `[${target.ip}]:${target.port}` : `${target.ip}:${target.port}`;
  const scope = addressScope(target.ip);
  const keypair = options.keypair ?? keypairFromMiniSecret(randomBytes(32));
  const timeoutS = options.timeoutS ?? 5;
  const dendrite = new Dendrite({ keypair });
  const t0 = performance.now();
  let s: Synapse;
  try {
    s = await dendrite.call({ ip: target.ip, port: target.port, hotkey: target.hotkey ?? '' }, new Synapse(), {
      timeout: timeoutS,
    });
  } finally {
    dendrite.close();
  }
  const latencyMs = performance.now() - t0;
  const status = s.dendrite.statusCode ?? 0;
  // The dendrite pre-fills the target's hotkey; only the axon's own headers carry its uuid, so
  // the uuid tells an axon's answer from anything else that speaks HTTP there.
  const answered = typeof s.axon.uuid === 'string' && s.axon.uuid !== '';
  const hotkey = answered ? (s.axon.hotkey ?? null) : null;
  const base = { address, status, latencyMs, scope };
  if (hotkey === null || hotkey === '') {
    if (status === Status.Timeout)
      return {
        ...base,
        reachable: false,
        hotkey: null,
        problem: `No answer from ${address} within ${timeoutS} s.`,
        hint: 'A firewall may drop the traffic, or the port forward points at a machine that does not answer.',
      };
    if (status === Status.Unavailable)
      return {
        ...base,
        reachable: false,
        hotkey: null,
        problem: `Nothing accepts connections at ${address} (${s.dendrite.statusMessage ?? 'unreachable'}).`,
        hint: 'Check that the axon runs, that the advertised port (externalPort / --external-port) is the one forwarded to it, and the firewall.',
      };
    return {
      ...base,
      reachable: false,
      hotkey: null,
      problem: `Something answers HTTP at ${address} (status ${status}), but not an axon.`,
      hint: 'Another service holds that port, or a proxy in front of the axon drops its headers.',
    };
  }
  if (target.hotkey !== undefined && target.hotkey !== '' && hotkey !== target.hotkey)
    return {
      ...base,
      reachable: true,
      hotkey,
      problem: `Another axon answers at ${address}: hotkey ${hotkey}, not ${target.hotkey}.`,
      hint: 'Two neurons advertise the same address, or the port forward points at the wrong machine.',
    };
  if (options.expectUuid !== undefined && s.axon.uuid !== options.expectUuid)
    return {
      ...base,
      reachable: true,
      hotkey,
      problem: `Another process with this hotkey answers at ${address}.`,
      hint: 'An older copy of this neuron still runs, or the port forward points at another machine running the same hotkey.',
    };
  return { ...base, reachable: true, hotkey, problem: null, hint: scopeHint(scope, address) };
}
