/** The JSON-RPC reply shapes, declared once for the runtime (which conforms), the SDK and the explorer. */
export * from './account-replies.js';
export * from './block-replies.js';
export * from './child-keys-reply.js';
export * from './error-reply.js';
export * from './mechanisms-reply.js';
export * from './metagraph-reply.js';
export * from './methods.js';
export * from './operator-replies.js';
export * from './subnet-replies.js';
export * from './swap-quote-reply.js';
export * from './timelocked-replies.js';
export * from './wire.js';
