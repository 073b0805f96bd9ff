/** Child hotkey calls: set (or revoke) a hotkey's children on a subnet, and set a childkey take. */
import { account, type Args, netuid, str, u16, u64 } from '../system/args.js';
import { defineCall } from '../system/call.js';
import { fail } from '../errors.js';
import { setChildkeyParam } from './childkey-params.js';
import { setChildkeyTake } from './childkey-take.js';
import { setChildren } from './set-children.js';
import type { ChildKeyLink } from './storage.js';

/** `children: [{proportion: bigint, child: AccountId}]`; the length is capped before the count rule. */
function childList(a: Args): ChildKeyLink[] {
  const v = a.children;
  if (!Array.isArray(v) || v.length > 64) {
    fail('InvalidArgument', "'children' must be a list of at most 64 {proportion, child} entries");
  }
  return v.map((item, i) => {
    if (item === null || typeof item !== 'object') fail('InvalidArgument', `'children[${i}]' must be an object`);
    const entry = item as Args;
    return { proportion: u64(entry, 'proportion'), hotkey: account(entry, 'child') };
  });
}

export const childrenCalls = [
  defineCall({
    name: 'set_children',
    signer: 'coldkey',
    pays: true,
    description:
      'Set the child hotkeys of a hotkey on a subnet (at most 5, proportions as parts of u64::MAX); an empty list revokes them. Applies after the cooldown, at an epoch.',
    parse: (a) => ({ hotkey: account(a, 'hotkey'), netuid: netuid(a), children: childList(a) }),
    run: (ctx, who, a) => setChildren(ctx, who, a.hotkey, a.netuid, a.children),
  }),
  defineCall({
    name: 'set_childkey_take',
    signer: 'coldkey',
    pays: true,
    description: 'Set the share (parts of 65535) a child hotkey keeps of what its parents earn through it.',
    parse: (a) => ({ hotkey: account(a, 'hotkey'), netuid: netuid(a), take: u16(a, 'take') }),
    run: (ctx, who, a) => setChildkeyTake(ctx, who, a.hotkey, a.netuid, a.take),
  }),
  defineCall({
    name: 'sudo_set_childkey_param',
    signer: 'admin',
    pays: false,
    description:
      'Change a child hotkey parameter (pendingCooldown, setChildrenRateLimit, minChildkeyTake, maxChildkeyTake, childkeyTakeRateLimit, ckBurn); with a netuid, that subnet’s minChildkeyTake (admin only).',
    parse: (a) => {
      const v = a.value;
      if (typeof v !== 'number' && typeof v !== 'bigint') fail('InvalidArgument', "'value' must be a number or bigint");
      return { name: str(a, 'name', 64), value: v, netuid: a.netuid === undefined ? null : netuid(a) };
    },
    run: (ctx, _who, a) => setChildkeyParam(ctx, a.name, a.value, a.netuid),
  }),
];
