/**
 * A miner's axon gets the SDK's flood limits unless the subnet overrides some: the same defaults
 * for every miner built on the framework.
 */
import { Axon, DEFAULT_AXON_LIMITS, keypairFromUri, type MetagraphView } from '@taonet/sdk';
import { describe, expect, it } from 'vitest';
import { minerAxonOptions } from '../src/base-miner.js';

const metagraph: MetagraphView = { isRegistered: () => false, hasValidatorPermit: () => false, stakeOf: () => 0 };
const base = { keypair: keypairFromUri('//MinerAxon'), port: 0, ip: '127.0.0.1', metagraph };

describe('miner axon options', () => {
  it('carry the SDK defaults for every flood limit', () => {
    const axon = new Axon(minerAxonOptions(base, false));
    expect(axon.limits).toEqual(DEFAULT_AXON_LIMITS);
  });

  it('let a subnet override one limit without touching the others or the address', () => {
    const opts = minerAxonOptions(base, true, { maxConnectionsPerIp: 8, port: 1 } as never);
    const axon = new Axon(opts);
    expect(axon.limits).toEqual({ ...DEFAULT_AXON_LIMITS, maxConnectionsPerIp: 8 });
    expect(opts.port).toBe(0);
    expect(opts.open).toBe(true);
  });
});
