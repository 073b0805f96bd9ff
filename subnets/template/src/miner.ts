/** The miner: answers Double requests. A real subnet puts its model here. */
import type { Axon } from '@taonet/sdk';
import { BaseMiner } from '@taonet/subnet-core';
import { Double } from './protocol.js';

export class TemplateMiner extends BaseMiner {
  protected attach(axon: Axon): void {
    axon.attach(Double, (s) => {
      s.doubled = s.value * 2;
      return s;
    });
  }
}
