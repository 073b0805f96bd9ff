/** The shared SCALE types live in primitives (the SDK encodes calls with them too); re-exported for the node's pallets. */
export * from '@taonet/primitives/substrate/types';
