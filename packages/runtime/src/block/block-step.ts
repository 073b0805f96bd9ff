/**
 * What happens at the start of every block, before any extrinsic, in the reference order:
 * 1. registration prices decay;
 * 2. the block's TAO emission is minted (halving with issuance, never past 21M);
 * 3. timelocked weight commits whose round's pulse is on chain are revealed (subtensor's order:
 *    after minting, before the coinbase);
 * 3'. the coinbase injects it into subnet pools and accrues alpha, then the due epochs run;
 * 4. price EMAs move (after they were used for shares), then due child hotkey lists apply on
 *    subnets whose epoch ran;
 * 5. root dividends are auto-claimed for a few staking coldkeys.
 * Changing this order changes consensus.
 */
import { MAX_TAO_SUPPLY } from '@taonet/primitives';
import { mint } from '../balances/ledger.js';
import { applyPendingChildren } from '../children/set-children.js';
import { TotalIssuance } from '../balances/storage.js';
import { blockEmissionForIssuance } from '../coinbase/block-emission.js';
import { coinbaseState } from '../coinbase/coinbase-state.js';
import { updateMovingPrices } from '../coinbase/moving-prices-state.js';
import { runEpochs } from '../coinbase/run-epochs.js';
import { revealTimelockedCommits } from '../weights/timelocked-reveal.js';
import { revealTimelockedCommitments } from '../commitments/reveal-timelocked.js';
import { updateRegistrationPrices } from '../neurons/registration-prices.js';
import { autoClaimRoot } from '../root/root-claim.js';
import type { Ctx } from '../system/context.js';
import { event } from '../system/events.js';

export function blockStep(ctx: Ctx): void {
  const s = ctx.state;
  updateRegistrationPrices(ctx);
  const emission = blockEmissionForIssuance(s.value(TotalIssuance), {
    defaultBlockEmission: ctx.params.defaultBlockEmission,
    totalSupply: MAX_TAO_SUPPLY,
  });
  const credit = mint(s, emission);
  revealTimelockedCommits(ctx);
  revealTimelockedCommitments(ctx);
  coinbaseState(ctx, credit);
  runEpochs(ctx);
  updateMovingPrices(ctx);
  applyPendingChildren(ctx);
  autoClaimRoot(ctx);
  ctx.emit(event('BlockEmission', { tao: credit }));
}
