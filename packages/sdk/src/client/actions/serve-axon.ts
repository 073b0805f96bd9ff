import { SdkError } from '../../errors.js';
import type { ChainClient } from '../chain-client.js';
import type { Signer } from '../signer.js';
import { type SubmitOptions, submit } from '../submit.js';
import type { TxResult } from '../types.js';

export interface ServeAxonParameters {
  readonly netuid: number;
  /** Dotted IPv4, or IPv6 written out in full (8 groups). */
  readonly ip: string;
  readonly port: number;
  readonly protocol?: number;
  readonly version?: number;
}
export type ServeAxonResult = TxResult;
/** Thrown: SdkError `InvalidIp`. Chain refusals (e.g. `ServingRateLimitExceeded`) come back in the result. */
export type ServeAxonError = SdkError;

/** The chain stores an axon's address as an integer plus its family. */
export function encodeIp(ip: string): { ip: bigint; ipType: 4 | 6 } {
  const v4 = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(ip);
  if (v4 !== null) return { ip: v4.slice(1).reduce((acc, x) => (acc << 8n) | BigInt(Number(x) & 255), 0n), ipType: 4 };
  const parts = ip.split(':');
  if (parts.length !== 8) throw new SdkError('InvalidIp', `'${ip}' is not an IPv4 or full IPv6 address`);
  return { ip: parts.reduce((acc, x) => (acc << 16n) | BigInt(Number.parseInt(x, 16) & 0xffff), 0n), ipType: 6 };
}

/**
 * Advertises the hotkey's axon on a subnet (signed by the hotkey).
 *
 * @example
 * await serveAxon(st, minerHot, { netuid: 1, ip: '127.0.0.1', port: 8091 });
 */
export function serveAxon(
  client: ChainClient,
  hotkey: Signer,
  a: ServeAxonParameters,
  o?: SubmitOptions,
): Promise<ServeAxonResult> {
  const { ip, ipType } = encodeIp(a.ip);
  return submit(
    client,
    hotkey,
    {
      method: 'serve_axon',
      args: { netuid: a.netuid, version: a.version ?? 1, ip, port: a.port, ipType, protocol: a.protocol ?? 4 },
    },
    o,
  );
}
