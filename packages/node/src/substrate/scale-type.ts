/** The SCALE type vocabulary lives in primitives (the SDK encodes calls with it too); re-exported for the node's pallets. */
export * from '@taonet/primitives/substrate/scale-type';
