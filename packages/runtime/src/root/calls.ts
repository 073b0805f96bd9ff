/** Root calls: join root, claim root dividends, choose how they are paid. */
import { account, type Args, oneOf } from '../system/args.js';
import { defineCall } from '../system/call.js';
import { fail } from '../errors.js';
import { event } from '../system/events.js';
import { claimRootCall } from './root-claim.js';
import { rootRegister } from './root-register.js';
import { RootClaimType } from './storage.js';

function netuidList(a: Args): number[] {
  const v = a.netuids;
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'number' || !Number.isInteger(x) || x < 0 || x > 65535)) {
    fail('InvalidArgument', "'netuids' must be a list of subnet ids");
  }
  return [...new Set(v as number[])];
}

export const rootCalls = [
  defineCall({
    name: 'root_register',
    signer: 'coldkey',
    pays: true,
    description: 'Make a hotkey a root validator (replacing the smallest one when root is full).',
    parse: (a) => ({ hotkey: account(a, 'hotkey') }),
    run: (ctx, who, a) => rootRegister(ctx, who, a.hotkey),
  }),
  defineCall({
    name: 'claim_root',
    signer: 'coldkey',
    pays: true,
    description: 'Claim root dividends accrued on 1 to 5 subnets.',
    parse: (a) => ({ netuids: netuidList(a) }),
    run: (ctx, who, a) => claimRootCall(ctx, who, a.netuids),
  }),
  defineCall({
    name: 'set_root_claim_type',
    signer: 'coldkey',
    pays: true,
    description: "Take root dividends as 'swap' (sold and restaked as TAO on root) or 'keep' (as subnet alpha).",
    parse: (a) => ({ type: oneOf(a, 'type', ['swap', 'keep'] as const) }),
    run: (ctx, who, a) => {
      ctx.state.set(RootClaimType, who, a.type);
      ctx.emit(event('RootClaimTypeSet', { coldkey: who, type: a.type }));
    },
  }),
];
