/**
 * Subnet facts the neuron and weight calls need. Subnet creation lives elsewhere; these readers only
 * interpret what it wrote, so a missing hyperparameter record reads as the chain defaults, as an
 * unset storage item would on the reference chain.
 */
import { DEFAULT_HYPERPARAMETERS, type SubnetHyperparameters } from '../params/hyperparameters.js';
import type { State } from '../state/state.js';
import { Hyperparameters, Netuids } from '../subnets/storage.js';

export function subnetExists(s: State, netuid: number): boolean {
  return s.value(Netuids).includes(netuid);
}

export function subnetHyperparameters(s: State, netuid: number): SubnetHyperparameters {
  return s.get(Hyperparameters, netuid) ?? DEFAULT_HYPERPARAMETERS;
}
