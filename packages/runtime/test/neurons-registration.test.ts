/** burned_register: the payment, the uid, the price bump, and every refusal leaving state untouched. */
import { RAO_PER_TAO } from '@taonet/primitives';
import { beforeEach, describe, expect, it } from 'vitest';
import { freeBalance } from '../src/balances/ledger.js';
import {
  BlockAtRegistration,
  Burn,
  Keys,
  LastUpdate,
  OwnedHotkeys,
  Owner,
  RaoRecycledForRegistration,
  RegistrationsThisBlock,
  Uids,
} from '../src/neurons/storage.js';
import { Params } from '../src/params/storage.js';
import type { State } from '../src/state/state.js';
import { StakingHotkeys, TotalStake } from '../src/staking/storage.js';
import { SubnetTaoFlow } from '../src/subnets/storage.js';
import { SubnetAccountTao, SubnetAlphaIn, SubnetAlphaOut, SubnetTao } from '../src/swap/storage.js';
import type { Ctx } from '../src/system/context.js';
import {
  AUTHOR,
  addSubnet,
  call,
  coldkey,
  ctxAt,
  expectFailure,
  fillSubnet,
  fund,
  hotkey,
  newState,
  submit,
} from './utils/neuron-fixture.js';

const TAO = RAO_PER_TAO;
let s: State;
let ctx: Ctx;

beforeEach(() => {
  s = newState();
  addSubnet(s, { netuid: 1 });
  fund(s, coldkey(1), 10n * TAO);
  ctx = ctxAt(s, 1000n);
});

const register = (cold = coldkey(1), hot = hotkey(1), extra: Record<string, unknown> = {}) =>
  call(ctx, cold, 'burned_register', { netuid: 1, hotkey: hot, ...extra });

describe('burned_register', () => {
  it('appends the hotkey at the next uid and records when it joined', () => {
    const events = register();
    expect(s.get(Keys, 1)).toEqual([hotkey(1)]);
    expect(s.get(Uids, [1, hotkey(1)])).toBe(0);
    expect(s.get(BlockAtRegistration, 1)).toEqual([1000n]);
    expect(s.get(LastUpdate, 1)).toEqual([1000n]);
    expect(events).toEqual([{ name: 'NeuronRegistered', data: { netuid: 1, uid: 0, hotkey: hotkey(1) } }]);
    fund(s, coldkey(2), 10n * TAO);
    register(coldkey(2), hotkey(2));
    expect(s.get(Uids, [1, hotkey(2)])).toBe(1);
  });

  it('pairs a new hotkey with the paying coldkey', () => {
    register();
    expect(s.get(Owner, hotkey(1))).toBe(coldkey(1));
    expect(s.get(OwnedHotkeys, coldkey(1))).toEqual([hotkey(1)]);
    expect(s.get(StakingHotkeys, coldkey(1))).toEqual([hotkey(1)]);
  });

  it('is a buy-and-burn: TAO into the pool, fee to the subnet account, bought alpha destroyed', () => {
    const tao0 = s.get(SubnetTao, 1);
    const alphaIn0 = s.get(SubnetAlphaIn, 1);
    register();
    const fee = s.get(SubnetAccountTao, 1);
    expect(fee).toBe((TAO * 33n) / 65535n);
    expect(s.get(SubnetTao, 1) - tao0 + fee).toBe(TAO);
    expect(s.get(SubnetAlphaIn, 1)).toBeLessThan(alphaIn0);
    expect(s.get(SubnetAlphaOut, 1)).toBe(0n);
    expect(s.value(TotalStake)).toBe(TAO);
    expect(s.get(SubnetTaoFlow, 1)).toBe(TAO);
    expect(freeBalance(s, coldkey(1))).toBe(9n * TAO);
    expect(freeBalance(s, AUTHOR)).toBe(0n);
    expect(s.get(RaoRecycledForRegistration, 1)).toBe(TAO);
    expect(s.get(RegistrationsThisBlock, 1)).toBe(1);
  });

  it('bumps the price at once, so a second registration in the block pays 1.26×', () => {
    register();
    const bumped = (TAO * 23_242_897_532_874_035_200n) >> 64n;
    expect(s.get(Burn, 1)).toBe(bumped);
    fund(s, coldkey(2), 10n * TAO);
    register(coldkey(2), hotkey(2));
    expect(freeBalance(s, coldkey(2))).toBe(10n * TAO - bumped);
    expect(s.get(RaoRecycledForRegistration, 1)).toBe(TAO + bumped);
    expect(s.get(RegistrationsThisBlock, 1)).toBe(2);
  });

  it('accepts a limit price at or above the current price', () => {
    register(coldkey(1), hotkey(1), { limitPrice: TAO });
    expect(s.get(Uids, [1, hotkey(1)])).toBe(0);
  });

  it('works on a stable (mechanism 0) subnet, swapping 1:1', () => {
    addSubnet(s, { netuid: 2, mechanism: 0 });
    const alpha0 = s.get(SubnetAlphaIn, 2);
    call(ctx, coldkey(1), 'burned_register', { netuid: 2, hotkey: hotkey(1) });
    expect(s.get(SubnetAlphaIn, 2)).toBe(alpha0 - TAO);
    expect(s.get(SubnetAccountTao, 2)).toBe(0n);
  });

  it('through the dispatcher: pays the fee, and a failure changes nothing else', () => {
    const ok = submit(ctx, coldkey(1), 'burned_register', { netuid: 1, hotkey: hotkey(1) });
    expect(ok.ok).toBe(true);
    const fee = s.value(Params).baseTxFee + 100n;
    expect(ok.fee).toBe(fee);
    expect(freeBalance(s, AUTHOR)).toBe(fee);
    const bad = submit(ctx, coldkey(1), 'burned_register', { netuid: 1, hotkey: hotkey(1) });
    expect(bad.ok).toBe(false);
    expect(bad.error?.code).toBe('HotKeyAlreadyRegisteredInSubNet');
    expect(s.get(Keys, 1)).toEqual([hotkey(1)]);
  });
});

describe('burned_register refusals (state unchanged)', () => {
  it('RegistrationNotPermittedOnRootSubnet', () => {
    addSubnet(s, { netuid: 0 });
    expectFailure(
      ctx,
      coldkey(1),
      'burned_register',
      { netuid: 0, hotkey: hotkey(1) },
      'RegistrationNotPermittedOnRootSubnet',
    );
  });

  it('SubnetNotExists', () => {
    expectFailure(ctx, coldkey(1), 'burned_register', { netuid: 7, hotkey: hotkey(1) }, 'SubnetNotExists');
  });

  it('RegistrationPriceLimitExceeded, with the current price in the hint', () => {
    const err = expectFailure(
      ctx,
      coldkey(1),
      'burned_register',
      { netuid: 1, hotkey: hotkey(1), limitPrice: TAO - 1n },
      'RegistrationPriceLimitExceeded',
    );
    // Shortened the safe way (the limit down), exact in data.
    expect(err.hint).toBe('the price is τ1, your limit is τ0.9999');
    expect(err.data?.amounts).toEqual({
      price: { unit: 'TAO', rao: TAO },
      limit: { unit: 'TAO', rao: TAO - 1n },
    });
  });

  it('SubNetRegistrationDisabled', () => {
    addSubnet(s, { netuid: 2, hp: { registrationAllowed: false } });
    expectFailure(ctx, coldkey(1), 'burned_register', { netuid: 2, hotkey: hotkey(1) }, 'SubNetRegistrationDisabled');
  });

  it('HotKeyAlreadyRegisteredInSubNet', () => {
    register();
    expectFailure(
      ctx,
      coldkey(1),
      'burned_register',
      { netuid: 1, hotkey: hotkey(1) },
      'HotKeyAlreadyRegisteredInSubNet',
    );
  });

  it('NotEnoughBalanceToStake', () => {
    fund(s, coldkey(2), TAO - 1n);
    const err = expectFailure(
      ctx,
      coldkey(2),
      'burned_register',
      { netuid: 1, hotkey: hotkey(2) },
      'NotEnoughBalanceToStake',
    );
    expect(err.hint).toBe('the price is τ1, free balance τ0.9999');
  });

  it('NonAssociatedColdKey: the hotkey belongs to another coldkey', () => {
    register();
    addSubnet(s, { netuid: 2 });
    fund(s, coldkey(2), 10n * TAO);
    expectFailure(ctx, coldkey(2), 'burned_register', { netuid: 2, hotkey: hotkey(1) }, 'NonAssociatedColdKey');
  });

  it('NoNeuronIdAvailable: the subnet is full and its only uid is the owner hotkey', () => {
    addSubnet(s, { netuid: 3, hp: { maxAllowedUids: 1 }, owner: coldkey(10), ownerHotkey: hotkey(10) });
    fillSubnet(ctx, 3, 1, 10);
    expectFailure(ctx, coldkey(1), 'burned_register', { netuid: 3, hotkey: hotkey(1) }, 'NoNeuronIdAvailable');
  });

  it('NoNeuronIdAvailable: the subnet allows no uids at all', () => {
    addSubnet(s, { netuid: 3, hp: { maxAllowedUids: 0 } });
    expectFailure(ctx, coldkey(1), 'burned_register', { netuid: 3, hotkey: hotkey(1) }, 'NoNeuronIdAvailable');
  });

  it('InvalidArgument for a malformed hotkey or limit', () => {
    expectFailure(ctx, coldkey(1), 'burned_register', { netuid: 1, hotkey: 'alice' }, 'InvalidArgument');
    expectFailure(
      ctx,
      coldkey(1),
      'burned_register',
      { netuid: 1, hotkey: hotkey(1), limitPrice: 5 },
      'InvalidArgument',
    );
  });
});
