/** Staking calls: stake, unstake, move between hotkeys, coldkeys and subnets, and takes. */
import { account, bool, netuid, optionalU64, u16, u64 } from '../system/args.js';
import { defineCall } from '../system/call.js';
import { addStake } from './add-stake.js';
import { transitionStake } from './move-stake.js';
import { removeStake } from './remove-stake.js';
import { decreaseTake, increaseTake } from './take.js';
import { unstakeAll } from './unstake-all.js';
import type { Args } from '../system/args.js';

const limits = (a: Args) => ({
  limitPrice: optionalU64(a, 'limitPrice'),
  allowPartial: bool(a, 'allowPartial', false),
});

export const stakingCalls = [
  defineCall({
    name: 'add_stake',
    signer: 'coldkey',
    pays: true,
    description: 'Stake TAO on a hotkey in a subnet (buys alpha); optional limit price and partial fill.',
    parse: (a) => ({ hotkey: account(a, 'hotkey'), netuid: netuid(a), amount: u64(a, 'amount'), ...limits(a) }),
    run: (ctx, who, a) => addStake(ctx, who, a),
  }),
  defineCall({
    name: 'remove_stake',
    signer: 'coldkey',
    pays: true,
    description: 'Unstake alpha from a hotkey in a subnet (sells alpha for TAO); optional limit price.',
    parse: (a) => ({ hotkey: account(a, 'hotkey'), netuid: netuid(a), amount: u64(a, 'amount'), ...limits(a) }),
    run: (ctx, who, a) => {
      removeStake(ctx, who, a);
    },
  }),
  defineCall({
    name: 'move_stake',
    signer: 'coldkey',
    pays: true,
    description: 'Move stake to another hotkey and/or subnet, keeping the coldkey.',
    parse: (a) => ({
      originHotkey: account(a, 'originHotkey'),
      destHotkey: account(a, 'destHotkey'),
      originNetuid: netuid(a, 'originNetuid'),
      destNetuid: netuid(a, 'destNetuid'),
      amount: u64(a, 'amount'),
      ...limits(a),
    }),
    run: (ctx, who, a) => transitionStake(ctx, { ...a, originColdkey: who, destColdkey: who, isTransfer: false }),
  }),
  defineCall({
    name: 'transfer_stake',
    signer: 'coldkey',
    pays: true,
    description: 'Give stake to another coldkey (same hotkey), optionally into another subnet.',
    parse: (a) => ({
      destColdkey: account(a, 'destColdkey'),
      hotkey: account(a, 'hotkey'),
      originNetuid: netuid(a, 'originNetuid'),
      destNetuid: netuid(a, 'destNetuid'),
      amount: u64(a, 'amount'),
      ...limits(a),
    }),
    run: (ctx, who, a) =>
      transitionStake(ctx, {
        ...a,
        originColdkey: who,
        originHotkey: a.hotkey,
        destHotkey: a.hotkey,
        isTransfer: true,
      }),
  }),
  defineCall({
    name: 'swap_stake',
    signer: 'coldkey',
    pays: true,
    description: 'Move stake on one hotkey from one subnet to another.',
    parse: (a) => ({
      hotkey: account(a, 'hotkey'),
      originNetuid: netuid(a, 'originNetuid'),
      destNetuid: netuid(a, 'destNetuid'),
      amount: u64(a, 'amount'),
      ...limits(a),
    }),
    run: (ctx, who, a) =>
      transitionStake(ctx, {
        ...a,
        originColdkey: who,
        destColdkey: who,
        originHotkey: a.hotkey,
        destHotkey: a.hotkey,
        isTransfer: false,
      }),
  }),
  defineCall({
    name: 'unstake_all',
    signer: 'coldkey',
    pays: true,
    description: 'Unstake everything the coldkey has on one hotkey, on every subnet.',
    parse: (a) => ({ hotkey: account(a, 'hotkey') }),
    run: (ctx, who, a) => unstakeAll(ctx, who, a.hotkey),
  }),
  defineCall({
    name: 'increase_take',
    signer: 'coldkey',
    pays: false,
    description: 'Raise a validator hotkey’s take (rate-limited).',
    parse: (a) => ({ hotkey: account(a, 'hotkey'), take: u16(a, 'take') }),
    run: (ctx, who, a) => increaseTake(ctx, who, a.hotkey, a.take),
  }),
  defineCall({
    name: 'decrease_take',
    signer: 'coldkey',
    pays: false,
    description: 'Lower a validator hotkey’s take.',
    parse: (a) => ({ hotkey: account(a, 'hotkey'), take: u16(a, 'take') }),
    run: (ctx, who, a) => decreaseTake(ctx, who, a.hotkey, a.take),
  }),
];
