/** A scripted node whose pool quotes at 2 TAO per alpha and moves the price 2% per trade. */
import { dynamicInfoReply, ONE } from './fixtures.js';
import { ScriptedNode } from './scripted-node.js';

export const SPOT = ONE * 2n;

export function swapNode(): ScriptedNode {
  let after = SPOT;
  return new ScriptedNode({
    taonet_dynamicInfo: (p) => dynamicInfoReply(p[0] as number, { symbol: 'γ' }),
    taonet_simSwap: (p) => {
      const [netuid, side, amount] = p as [number, 'buy' | 'sell', string];
      const before = after;
      // Each quote sees a pool the previous trade moved: a second quote would differ from the first.
      after = side === 'buy' ? (before * 102n) / 100n : (before * 98n) / 100n;
      const paidOut = side === 'buy' ? (BigInt(amount) * ONE) / before : (BigInt(amount) * before) / ONE;
      return {
        netuid,
        side,
        amount,
        paidIn: amount,
        paidOut: ((paidOut * 98n) / 100n).toString(),
        fee: '1000',
        priceBefore: before.toString(),
        priceAfter: after.toString(),
      };
    },
  });
}
