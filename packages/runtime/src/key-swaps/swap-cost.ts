/** A key swap's cost: recycled TAO, paid from what the coldkey can spend while keeping the existential deposit. */
import type { AccountId } from '@taonet/primitives';
import { failWithAmounts, type NamedAmounts, taoAmount } from '../amounts.js';
import { debit, freeBalance, recycle } from '../balances/ledger.js';
import type { Ctx } from '../system/context.js';

export function chargeSwapCost(ctx: Ctx, coldkey: AccountId, cost: bigint, swap: 'hotkey' | 'coldkey'): void {
  if (cost === 0n) return;
  const s = ctx.state;
  const free = freeBalance(s, coldkey);
  const ed = ctx.params.existentialDeposit;
  if (free < cost + ed) {
    const amounts: NamedAmounts = {
      cost: [taoAmount(cost), 'up'],
      free: [taoAmount(free), 'down'],
      ed: [taoAmount(ed), 'up'],
    };
    const hint = (t: Record<string, string>) =>
      `the swap costs ${t.cost} and leaves the existential deposit (${t.ed}); free balance is ${t.free}`;
    if (swap === 'hotkey') failWithAmounts('NotEnoughBalanceToPaySwapHotKey', amounts, hint);
    failWithAmounts('NotEnoughBalanceToPaySwapColdKey', amounts, hint);
  }
  debit(s, coldkey, cost);
  recycle(s, cost);
}
