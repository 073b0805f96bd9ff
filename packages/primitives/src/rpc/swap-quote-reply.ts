/** `taonet_simSwap`: a stake (buy: TAO in) or unstake (sell: alpha in) quoted against the pool. */
export interface SwapQuoteReply {
  readonly netuid: number;
  readonly side: 'buy' | 'sell';
  readonly amount: string;
  readonly paidIn: string;
  readonly paidOut: string;
  readonly fee: string;
  /** Spot prices before and after the trade, U64F64 raw. */
  readonly priceBefore: string;
  readonly priceAfter: string;
}
