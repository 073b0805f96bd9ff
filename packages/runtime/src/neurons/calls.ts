/** Neuron calls: registration and serving. */
import { type Args, account, int, netuid, optionalU64, u16 } from '../system/args.js';
import { defineCall } from '../system/call.js';
import { fail } from '../errors.js';
import { burnedRegister } from './burned-register.js';
import { serveAxon } from './serve-axon.js';

const U128_MAX = (1n << 128n) - 1n;

/** An IPv4 (u32) or IPv6 (u128) address as a bigint; its validity per ip type is the call's check. */
function ipAddress(a: Args, field: string): bigint {
  const v = a[field];
  if (typeof v !== 'bigint' || v < 0n || v > U128_MAX) {
    fail('InvalidArgument', `'${field}' must be an unsigned 128-bit integer (bigint)`);
  }
  return v;
}

export const neuronCalls = [
  defineCall({
    name: 'burned_register',
    signer: 'coldkey',
    pays: true,
    description:
      'Register a hotkey on a subnet for the current registration price (burned), optionally only up to limitPrice rao.',
    parse: (a) => ({ netuid: netuid(a), hotkey: account(a, 'hotkey'), limitPrice: optionalU64(a, 'limitPrice') }),
    run(ctx, who, args) {
      burnedRegister(ctx, who, args);
    },
  }),
  defineCall({
    name: 'serve_axon',
    signer: 'hotkey',
    pays: false,
    description: "Publish the hotkey's axon address (ip, port, ip type 4 or 6) on a subnet.",
    parse: (a) => ({
      netuid: netuid(a),
      version: int(a, 'version', 0, 0xffff_ffff),
      ip: ipAddress(a, 'ip'),
      port: u16(a, 'port'),
      ipType: int(a, 'ipType', 0, 255),
      protocol: int(a, 'protocol', 0, 255),
    }),
    run(ctx, who, args) {
      serveAxon(ctx, who, args);
    },
  }),
];
