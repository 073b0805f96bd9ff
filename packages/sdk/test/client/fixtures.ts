/** Node replies for action tests, in the shared reply types (decimal strings, 0x hex accounts). */
import type { DynamicInfoReply } from '@taonet/primitives';

/** U64F64 raw of a price of 1 TAO per alpha. */
export const ONE = 1n << 64n;

export function dynamicInfoReply(netuid: number, over: Partial<DynamicInfoReply> = {}): DynamicInfoReply {
  return {
    netuid,
    symbol: 'β',
    name: `subnet ${netuid}`,
    identity: null,
    owner: `0x${'01'.repeat(32)}`,
    ownerHotkey: null,
    registeredAt: '3',
    started: true,
    firstEmissionBlock: '4',
    emissionEnabled: true,
    tempo: 10,
    lastEpochBlock: '90',
    blocksUntilNextEpoch: '7',
    n: 2,
    maxUids: 256,
    price: (ONE * 2n).toString(),
    movingPrice: '123',
    taoIn: '10000000000',
    alphaIn: '5000000000',
    alphaOut: '1000000000',
    protocolAlpha: '0',
    quoteWeight: '500000000000000000',
    volume: '42',
    locked: '0',
    emissionShare: '99',
    taoEmission: '1000',
    alphaOutEmission: '0',
    alphaInEmission: '0',
    pendingServer: '0',
    pendingValidator: '0',
    pendingRoot: '0',
    pendingOwnerCut: '0',
    taoFlow: '-5',
    flowEma: '6',
    registrationCost: '1000000000',
    ...over,
  };
}
