/** SubtensorModule's structs live in primitives (its calls use them); re-exported for the pallet's storage and events. */
export * from '@taonet/primitives/substrate/subtensor-types';
