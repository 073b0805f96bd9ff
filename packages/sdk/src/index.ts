/**
 * @taonet/sdk: everything a miner, validator, subnet builder or tool needs to talk to Taonet —
 * Bittensor-compatible keys, SS58 and wallets on disk; the typed `Subtensor` client with typed
 * amounts; the metagraph; signed synapse messages, axon and dendrite; weight hashing.
 */
export * from './bytes.js';
export * from './errors.js';
export * from './scale.js';

export * from './keys/base58.js';
export * from './keys/keypair.js';
export * from './keys/mnemonic.js';
export * from './keys/sr25519.js';
export * from './keys/ss58.js';
export * from './keys/uri.js';
export * from './keys/verify.js';

export * from './wallet/ansible-vault.js';
export * from './wallet/fernet.js';
export * from './wallet/keyfile.js';
export * from './wallet/keyfile-format.js';
export * from './wallet/keyfile-json.js';
export * from './wallet/layout.js';
export * from './wallet/nacl.js';
export * from './wallet/password.js';
export * from './wallet/polkadot-json.js';

export * from './synapse/body-hash.js';
export * from './synapse/reference-headers.js';
export * from './synapse/messages.js';
export * from './synapse/nonce.js';
export * from './synapse/python-str.js';
export * from './synapse/terminal-signature.js';
export * from './synapse/version.js';

export * from './weights/commit-hash.js';
export * from './weights/normalize.js';
export * from './weights/storage-index.js';

export * from './units/balance.js';
export * from './client/address.js';
export * from './client/json-rpc.js';
export * from './client/signer.js';
export * from './client/chain-client.js';
export * from './client/submit.js';
export * from './client/subtensor.js';
export * from './client/types.js';
export * from './metagraph/metagraph.js';
export * from './wallet/wallet.js';

export * from './synapse/define-synapse.js';
export * from './synapse/fields.js';
export * from './synapse/status.js';
export * from './synapse/synapse.js';
export * from './axon/access.js';
export * from './axon/axon.js';
export * from './axon/axon-info.js';
export * from './axon/probe.js';
export * from './dendrite/dendrite.js';
