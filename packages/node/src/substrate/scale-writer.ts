/** The SCALE writer lives in primitives beside the type vocabulary; re-exported for the node. */
export * from '@taonet/primitives/substrate/scale-writer';
