/** The swap pallet's failures, under the chain's names, each with what it means for the user. */
import { RuntimeError } from '../errors.js';

const SWAP_ERRORS = {
  SwapInputTooLarge: {
    explanation: 'The amount going into the pool is more than 1000 times the pool reserve it is swapped into.',
    hint: 'Split the swap into smaller amounts, or swap on a deeper pool.',
  },
  ReservesTooLow: {
    explanation: 'The pool reserve is below the minimum, or the amount is too small to buy a single unit.',
    hint: 'Use a larger amount, or wait until the pool has more liquidity.',
  },
  PriceLimitExceeded: {
    explanation: 'The current pool price is already at or past the limit price given for this swap.',
    hint: 'Raise the limit price for a buy (lower it for a sell), or omit it to accept any price.',
  },
  InsufficientLiquidity: {
    explanation: 'The pool does not hold enough of the output token to pay this swap out.',
    hint: 'Swap a smaller amount.',
  },
  ReservesOutOfBalance: {
    explanation: 'The pool reserves cannot be priced at the requested price with a weight between 0.01 and 0.99.',
    hint: 'Initialise the pool at a price closer to the ratio of its reserves.',
  },
} as const;

export type SwapErrorCode = keyof typeof SWAP_ERRORS;

export class SwapError extends RuntimeError {
  override readonly name = 'SwapError';
  declare readonly code: SwapErrorCode;

  constructor(code: SwapErrorCode) {
    const info = SWAP_ERRORS[code];
    super(code, info.explanation, info.hint);
  }
}
