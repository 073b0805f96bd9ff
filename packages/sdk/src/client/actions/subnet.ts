import type { DynamicInfoReply } from '@taonet/primitives';
import { Alpha, Price, Tao } from '../../units/balance.js';
import { toSs58 } from '../address.js';
import { type ChainClient, request } from '../chain-client.js';
import { big } from '../decode.js';
import type { SubnetInfo } from '../types.js';

export type SubnetParameters = number;
/** Null when no subnet has that netuid. */
export type SubnetResult = SubnetInfo | null;

/** Types a `taonet_dynamicInfo` reply: amounts as `Tao`/`Alpha`, prices as `Price`, accounts as SS58. */
export function subnetInfoOf(d: DynamicInfoReply): SubnetInfo {
  const { netuid, symbol } = d;
  return {
    netuid,
    name: d.name,
    symbol,
    owner: d.owner === null ? null : toSs58(d.owner),
    ownerHotkey: d.ownerHotkey === null ? null : toSs58(d.ownerHotkey),
    started: d.started,
    emissionEnabled: d.emissionEnabled,
    tempo: d.tempo,
    n: d.n,
    maxUids: d.maxUids,
    price: new Price(big(d.price), netuid),
    movingPrice: big(d.movingPrice),
    taoIn: new Tao(big(d.taoIn)),
    alphaIn: new Alpha(big(d.alphaIn), netuid, symbol),
    alphaOut: new Alpha(big(d.alphaOut), netuid, symbol),
    emissionShare: big(d.emissionShare),
    taoEmission: new Tao(big(d.taoEmission)),
    registrationCost: new Tao(big(d.registrationCost)),
    blocksUntilNextEpoch: big(d.blocksUntilNextEpoch),
    lastEpochBlock: big(d.lastEpochBlock),
    taoFlow: big(d.taoFlow),
    flowEma: big(d.flowEma),
    volume: new Tao(big(d.volume)),
    raw: d,
  };
}

/**
 * One subnet's pool, price, emission and flows.
 *
 * @example
 * const s = await subnet(st, 1);
 * if (s !== null) console.log(s.name, s.price.format());
 */
export async function subnet(client: ChainClient, netuid: SubnetParameters): Promise<SubnetResult> {
  const d = await request(client, 'taonet_dynamicInfo', [netuid]);
  return d === null ? null : subnetInfoOf(d);
}
