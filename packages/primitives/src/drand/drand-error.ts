/** Why a beacon pulse, key or timelock ciphertext was refused: a stable code, an explanation and a hint. */
export type DrandFaultCode =
  | 'InvalidRound'
  | 'MalformedPulse'
  | 'InvalidPublicKey'
  | 'InvalidSignature'
  | 'SignatureMismatch'
  | 'RandomnessMismatch'
  | 'MalformedCiphertext'
  | 'UnsupportedCipherSuite'
  | 'DecryptionFailed'
  | 'InvalidEntropy'
  | 'MalformedAgeFile'
  | 'NoTlockStanza'
  | 'RoundMismatch'
  | 'ChainHashMismatch'
  | 'HeaderMacMismatch'
  | 'PayloadAuthenticationFailed';

/** A typed refusal from the drand primitives (pulse checks and timelock encryption). */
export class DrandError extends Error {
  override readonly name = 'DrandError';
  constructor(
    readonly code: DrandFaultCode,
    readonly explanation: string,
    readonly hint: string,
  ) {
    super(`${code}: ${explanation}`);
  }
}
