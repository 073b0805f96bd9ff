/** Mechanisms' pure maths, for the conformance runner. */
export { combineMechanismEpochs, type CombinedEpoch, mechanismWeight } from './combine-epochs.js';
export { checkEmissionSplit, splitEmissions } from './emission-split.js';
