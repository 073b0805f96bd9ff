/** Accounts as users write them (SS58 or 0x hex) and as the node wants them (0x hex public key). */
import { fromHex, toHex } from '../bytes.js';
import { SdkError } from '../errors.js';
import { ss58Decode, ss58Encode } from '../keys/ss58.js';

export function toAccountHex(address: string | Uint8Array): string {
  if (address instanceof Uint8Array) return toHex(address);
  if (/^0x[0-9a-fA-F]{64}$/.test(address)) return address.toLowerCase();
  try {
    return toHex(ss58Decode(address).publicKey);
  } catch (e) {
    throw new SdkError(
      'InvalidAddress',
      `'${address}' is neither an SS58 address nor a 0x public key`,
      // The decoder's own explanation, without its "Hint:" suffix: the CLI prints one "hint:" line.
      e instanceof SdkError ? `${e.explanation}${e.hint === undefined ? '' : `; ${e.hint}`}` : (e as Error).message,
    );
  }
}

export function toSs58(accountHex: string): string {
  return ss58Encode(fromHex(accountHex, 'account id', 32));
}
