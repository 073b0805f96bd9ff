import type { SdkError } from '../../errors.js';
import type { ChainClient } from '../chain-client.js';
import type { Signer } from '../signer.js';
import { type SubmitOptions, submit } from '../submit.js';
import type { TxResult } from '../types.js';

/** A coldkey identity; the chain limits each field in UTF-8 bytes (name, url, githubRepo, discord 256; image, description, additional 1024). */
export interface ChainIdentity {
  readonly name: string;
  readonly url: string;
  readonly githubRepo: string;
  readonly image: string;
  readonly discord: string;
  readonly description: string;
  readonly additional: string;
}

export type SetIdentityParameters = Partial<ChainIdentity>;
export type SetIdentityResult = TxResult;
/** Chain refusals come back in the result (`ok: false`, `code`, `hint`): InvalidIdentity, HotKeyNotRegisteredInNetwork. */
export type SetIdentityError = SdkError;

const FIELDS = ['name', 'url', 'githubRepo', 'image', 'discord', 'description', 'additional'] as const;

/**
 * Sets the signer's coldkey identity (it needs a hotkey registered on some subnet). Omitted fields
 * are stored empty: the call replaces the whole identity.
 *
 * @example
 * await setIdentity(st, cold, { name: 'My Validator', url: 'https://example.com' });
 */
export function setIdentity(
  client: ChainClient,
  signer: Signer,
  a: SetIdentityParameters,
  o?: SubmitOptions,
): Promise<SetIdentityResult> {
  const args = Object.fromEntries(FIELDS.map((f) => [f, a[f] ?? '']));
  return submit(client, signer, { method: 'set_identity', args }, o);
}
