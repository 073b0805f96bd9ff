/**
 * Fees that belong to the block author: transaction fees and swap fees in TAO. With no author
 * (a block built without one) they are destroyed instead, so issuance stays honest.
 */
import type { Ctx } from '../system/context.js';
import { credit, recycle } from './ledger.js';

export function payAuthor(ctx: Ctx, taoFee: bigint): void {
  if (taoFee <= 0n) return;
  if (ctx.block.author === null) recycle(ctx.state, taoFee);
  else credit(ctx.state, ctx.block.author, taoFee);
}
