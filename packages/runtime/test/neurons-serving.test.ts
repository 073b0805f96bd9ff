/** serve_axon: what is stored, the address checks, and the rate limit with its hint. */
import { beforeEach, describe, expect, it } from 'vitest';
import { Axons } from '../src/neurons/storage.js';
import type { State } from '../src/state/state.js';
import { nextServeAllowedBlock } from '../src/weights/next-allowed.js';
import {
  addSubnet,
  call,
  coldkey,
  ctxAt,
  expectFailure,
  hotkey,
  newState,
  registerFree,
  submit,
} from './utils/neuron-fixture.js';

let s: State;
const axon = { netuid: 1, version: 7, ip: 0x0a000001n, port: 8091, ipType: 4, protocol: 4 };

beforeEach(() => {
  s = newState();
  addSubnet(s, { netuid: 1, hp: { servingRateLimit: 50n } });
  registerFree(ctxAt(s, 10n), 1, coldkey(1), hotkey(1));
});

describe('serve_axon', () => {
  it('stores the axon with the current block', () => {
    const events = call(ctxAt(s, 100n), hotkey(1), 'serve_axon', axon);
    expect(s.get(Axons, [1, hotkey(1)])).toEqual({
      block: 100n,
      version: 7,
      ip: 0x0a000001n,
      port: 8091,
      ipType: 4,
      protocol: 4,
    });
    expect(events).toEqual([{ name: 'AxonServed', data: { netuid: 1, hotkey: hotkey(1) } }]);
  });

  it('is free and signed by the hotkey', () => {
    const r = submit(ctxAt(s, 100n), hotkey(1), 'serve_axon', axon);
    expect(r).toMatchObject({ ok: true, fee: 0n });
  });

  it('accepts ip 0 and IPv6 addresses', () => {
    call(ctxAt(s, 100n), hotkey(1), 'serve_axon', { ...axon, ip: 0n });
    call(ctxAt(s, 200n), hotkey(1), 'serve_axon', { ...axon, ipType: 6, ip: (1n << 127n) + 5n });
    expect(s.get(Axons, [1, hotkey(1)])?.ipType).toBe(6);
  });

  it('allows serving again exactly servingRateLimit blocks later', () => {
    call(ctxAt(s, 100n), hotkey(1), 'serve_axon', axon);
    expect(nextServeAllowedBlock(s, 1, hotkey(1))).toBe(150n);
    call(ctxAt(s, 150n), hotkey(1), 'serve_axon', { ...axon, port: 9000 });
    expect(s.get(Axons, [1, hotkey(1)])?.port).toBe(9000);
  });

  it('has no rate limit when the limit is 0', () => {
    addSubnet(s, { netuid: 2, hp: { servingRateLimit: 0n } });
    registerFree(ctxAt(s, 10n), 2, coldkey(1), hotkey(1));
    call(ctxAt(s, 100n), hotkey(1), 'serve_axon', { ...axon, netuid: 2 });
    expect(nextServeAllowedBlock(s, 2, hotkey(1))).toBe(0n);
    call(ctxAt(s, 100n), hotkey(1), 'serve_axon', { ...axon, netuid: 2 });
  });
});

describe('serve_axon refusals (state unchanged)', () => {
  it('HotKeyNotRegisteredInNetwork', () => {
    expectFailure(ctxAt(s, 100n), hotkey(2), 'serve_axon', axon, 'HotKeyNotRegisteredInNetwork');
    expectFailure(ctxAt(s, 100n), hotkey(1), 'serve_axon', { ...axon, netuid: 3 }, 'HotKeyNotRegisteredInNetwork');
  });

  it('InvalidIpType', () => {
    expectFailure(ctxAt(s, 100n), hotkey(1), 'serve_axon', { ...axon, ipType: 5 }, 'InvalidIpType');
  });

  it('InvalidIpAddress: broadcast and loopback', () => {
    const ctx = ctxAt(s, 100n);
    expectFailure(ctx, hotkey(1), 'serve_axon', { ...axon, ip: 0xffffffffn }, 'InvalidIpAddress');
    expectFailure(ctx, hotkey(1), 'serve_axon', { ...axon, ip: 1n << 40n }, 'InvalidIpAddress');
    expectFailure(ctx, hotkey(1), 'serve_axon', { ...axon, ip: 0x7f000001n }, 'InvalidIpAddress');
    expectFailure(ctx, hotkey(1), 'serve_axon', { ...axon, ipType: 6, ip: 1n }, 'InvalidIpAddress');
    expectFailure(ctx, hotkey(1), 'serve_axon', { ...axon, ipType: 6, ip: (1n << 128n) - 1n }, 'InvalidIpAddress');
  });

  it('InvalidPort', () => {
    expectFailure(ctxAt(s, 100n), hotkey(1), 'serve_axon', { ...axon, port: 0 }, 'InvalidPort');
  });

  it('ServingRateLimitExceeded, with the next allowed block in the hint', () => {
    call(ctxAt(s, 100n), hotkey(1), 'serve_axon', axon);
    const err = expectFailure(ctxAt(s, 149n), hotkey(1), 'serve_axon', axon, 'ServingRateLimitExceeded');
    expect(err.hint).toBe('next allowed at block 150');
  });

  it('InvalidArgument for an ip that is not a u128 bigint', () => {
    expectFailure(ctxAt(s, 100n), hotkey(1), 'serve_axon', { ...axon, ip: 5 }, 'InvalidArgument');
    expectFailure(ctxAt(s, 100n), hotkey(1), 'serve_axon', { ...axon, ip: 1n << 128n }, 'InvalidArgument');
  });
});
