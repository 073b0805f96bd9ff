/** Staking calls: stake, unstake, move between hotkeys, coldkeys and subnets, and takes. */
import { account, bool, netuid, optionalU64, u16, u64 } from '../system/args.js';
import { defineCall } from '../system/call.js';
import { addStake } from './add-stake.js';
import { transitionStake } from './move-stake.js';
import { removeStake } from './remove-stake.js';
import { decreaseTake, increaseTake } from './take.js';
import { burnAlpha, recycleAlpha } from './recycle-alpha.js';
import { stakeOf } from './stake-pool-state.js';
import { unstakeAll, unstakeAllAlpha } from './unstake-all.js';
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
    name: 'unstake_all_alpha',
    signer: 'coldkey',
    pays: true,
    description: 'Sell the coldkey’s alpha on one hotkey on every subnet but root and stake the TAO on root.',
    parse: (a) => ({ hotkey: account(a, 'hotkey') }),
    run: (ctx, who, a) => unstakeAllAlpha(ctx, who, a.hotkey),
  }),
  defineCall({
    name: 'remove_stake_full_limit',
    signer: 'coldkey',
    pays: true,
    description: 'Unstake everything the coldkey has on a hotkey in one subnet; optional limit price.',
    parse: (a) => ({ hotkey: account(a, 'hotkey'), netuid: netuid(a), limitPrice: optionalU64(a, 'limitPrice') }),
    run: (ctx, who, a) => {
      const amount = stakeOf(ctx.state, a.hotkey, who, a.netuid);
      removeStake(ctx, who, { ...a, amount, allowPartial: false });
    },
  }),
  defineCall({
    name: 'recycle_alpha',
    signer: 'coldkey',
    pays: true,
    description: 'Give up staked alpha: it leaves the subnet’s issuance.',
    parse: (a) => ({ hotkey: account(a, 'hotkey'), netuid: netuid(a), amount: u64(a, 'amount') }),
    run: (ctx, who, a) => recycleAlpha(ctx, who, a),
  }),
  defineCall({
    name: 'burn_alpha',
    signer: 'coldkey',
    pays: true,
    description: 'Give up staked alpha: it stays issued but belongs to nobody.',
    parse: (a) => ({ hotkey: account(a, 'hotkey'), netuid: netuid(a), amount: u64(a, 'amount') }),
    run: (ctx, who, a) => burnAlpha(ctx, who, a),
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
