/** Key-swap calls: swap_hotkey, and the coldkey swap's announce, run, dispute, clear and admin reset. */
import { account, hash32, netuid, u64 } from '../system/args.js';
import { defineCall } from '../system/call.js';
import {
  announceColdkeySwap,
  clearColdkeySwapAnnouncement,
  disputeColdkeySwap,
  resetColdkeySwap,
  sudoSwapColdkey,
  swapColdkeyAnnounced,
} from './swap-coldkey.js';
import { swapHotkey } from './swap-hotkey.js';

export const keySwapCalls = [
  defineCall({
    name: 'swap_hotkey',
    signer: 'coldkey',
    pays: true,
    description: 'Move everything a hotkey has to a new hotkey, on every subnet or (with netuid) on one.',
    parse: (a) => ({
      hotkey: account(a, 'hotkey'),
      newHotkey: account(a, 'newHotkey'),
      netuid: a.netuid === undefined || a.netuid === null ? null : netuid(a),
    }),
    run: (ctx, who, a) => swapHotkey(ctx, who, a),
  }),
  defineCall({
    name: 'announce_coldkey_swap',
    signer: 'coldkey',
    pays: true,
    description: 'Announce a coldkey swap by the blake2b-256 hash of the new coldkey; it can run after the delay.',
    parse: (a) => ({ newColdkeyHash: hash32(a, 'newColdkeyHash') }),
    run: (ctx, who, a) => announceColdkeySwap(ctx, who, a.newColdkeyHash),
  }),
  defineCall({
    name: 'swap_coldkey_announced',
    signer: 'coldkey',
    pays: true,
    description: 'Run an announced coldkey swap once its delay has passed.',
    parse: (a) => ({ newColdkey: account(a, 'newColdkey') }),
    run: (ctx, who, a) => swapColdkeyAnnounced(ctx, who, a.newColdkey),
  }),
  defineCall({
    name: 'dispute_coldkey_swap',
    signer: 'coldkey',
    pays: true,
    description: 'Dispute the announced swap of this coldkey: it is frozen until the admin resets it.',
    parse: () => ({}),
    run: (ctx, who) => disputeColdkeySwap(ctx, who),
  }),
  defineCall({
    name: 'clear_coldkey_swap_announcement',
    signer: 'coldkey',
    pays: true,
    description: 'Withdraw an announced coldkey swap, once the re-announcement delay after it has passed.',
    parse: () => ({}),
    run: (ctx, who) => clearColdkeySwapAnnouncement(ctx, who),
  }),
  defineCall({
    name: 'reset_coldkey_swap',
    signer: 'admin',
    pays: false,
    description: 'Remove a coldkey’s swap announcement and dispute (admin only).',
    parse: (a) => ({ coldkey: account(a, 'coldkey') }),
    run: (ctx, _who, a) => resetColdkeySwap(ctx, a.coldkey),
  }),
  defineCall({
    name: 'swap_coldkey',
    signer: 'admin',
    pays: false,
    description: 'Swap any coldkey at once, charging it swapCost (admin only).',
    parse: (a) => ({
      oldColdkey: account(a, 'oldColdkey'),
      newColdkey: account(a, 'newColdkey'),
      swapCost: u64(a, 'swapCost'),
    }),
    run: (ctx, _who, a) => sudoSwapColdkey(ctx, a.oldColdkey, a.newColdkey, a.swapCost),
  }),
];
