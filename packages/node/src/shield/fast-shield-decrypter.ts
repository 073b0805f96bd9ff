/**
 * How this node opens carriers: the shield blob format and its checks from the primitives, with the
 * two costly steps on faster implementations of the same functions (liboqs' wasm ML-KEM-768,
 * Node's native ChaCha20-Poly1305). `initShieldKem()` must resolve first.
 */
import { type ShieldDecrypter, type ShieldKeypair, shieldDecrypter } from '@taonet/primitives';
import { wasmShieldDecapsulator } from './ml-kem-wasm.js';
import { openXChaCha20Poly1305 } from './xchacha20-poly1305-native.js';

export function fastShieldDecrypter(keypair: ShieldKeypair): ShieldDecrypter {
  return shieldDecrypter(keypair, { decapsulator: wasmShieldDecapsulator(keypair), openAead: openXChaCha20Poly1305 });
}
