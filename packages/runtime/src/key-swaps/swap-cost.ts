/** A key swap's cost: recycled TAO, paid from what the coldkey can spend while keeping the existential deposit. */
import type { AccountId } from '@taonet/primitives';
import { amountText, ensureAmounts, taoAmount } from '../amounts.js';
import { debit, freeBalance, recycle } from '../balances/ledger.js';
import type { Ctx } from '../system/context.js';

export function chargeSwapCost(ctx: Ctx, coldkey: AccountId, cost: bigint, code: string): void {
  if (cost === 0n) return;
  const s = ctx.state;
  const free = freeBalance(s, coldkey);
  const ed = ctx.params.existentialDeposit;
  ensureAmounts(
    free >= cost + ed,
    code,
    () => ({ cost: [taoAmount(cost), 'up'], free: [taoAmount(free), 'down'], ed: [taoAmount(ed), 'up'] }),
    (t) => `the swap costs ${t.cost} and leaves the existential deposit (${t.ed}); free balance is ${t.free}`,
  );
  debit(s, coldkey, cost, code);
  recycle(s, cost);
}

export const costText = (cost: bigint): string => amountText(taoAmount(cost), 'up');
