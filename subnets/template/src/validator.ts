/** The validator: asks miners to double a random number and scores 1 for a right answer, 0 otherwise. */
import { BaseValidator, type MinerRef } from '@taonet/subnet-core';
import { Double } from './protocol.js';

export class TemplateValidator extends BaseValidator {
  protected async forward(miners: readonly MinerRef[]): Promise<Map<string, number>> {
    const value = Math.floor(this.random() * 1_000_000);
    const answers = await this.dendrite.forward(
      miners.map((m) => m.axon),
      new Double({ value }),
      { timeout: 5, deserialize: false },
    );
    return new Map(
      miners.map((m, i) => [m.hotkey, answers[i]?.isSuccess && answers[i]?.doubled === value * 2 ? 1 : 0]),
    );
  }
}
