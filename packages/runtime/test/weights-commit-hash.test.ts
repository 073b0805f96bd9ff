/** The commit-reveal hash against every `weights_commit_hash` case of the shared SDK vectors. */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { accountId, toHex } from '@taonet/primitives';
import { describe, expect, it } from 'vitest';
import { netuidStorageIndex, weightsCommitHash, weightsCommitPreimage } from '../src/weights/commit-hash.js';

const root = resolve(import.meta.dirname, '../../..');
const VECTORS =
  process.env.TAONET_VECTORS ??
  (existsSync(join(root, '..', 'shared', 'vectors')) ? join(root, '..', 'shared', 'vectors') : join(root, 'vectors'));
const FILE = join(VECTORS, 'sdk-weights.json');

interface CommitHashCase {
  readonly name: string;
  readonly fn: string;
  readonly input: {
    readonly hotkey_public_key: string;
    readonly netuid_storage_index: number;
    readonly uids: number[];
    readonly values: number[];
    readonly salt: number[];
    readonly version_key: string;
  };
  readonly expected: { readonly preimage: string; readonly commit_hash: string };
}

describe('weights commit hash', () => {
  it('the vector file is present', () => {
    expect(existsSync(FILE), `vectors not found at ${FILE}`).toBe(true);
  });

  const cases = existsSync(FILE)
    ? (JSON.parse(readFileSync(FILE, 'utf8')) as { cases: CommitHashCase[] }).cases.filter(
        (c) => c.fn === 'weights_commit_hash',
      )
    : [];

  it('finds the commit hash cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(5);
  });

  for (const c of cases) {
    it(c.name, () => {
      const i = c.input;
      const args = [
        accountId(i.hotkey_public_key),
        i.netuid_storage_index,
        i.uids,
        i.values,
        i.salt,
        BigInt(i.version_key),
      ] as const;
      expect(toHex(weightsCommitPreimage(...args))).toBe(c.expected.preimage.toLowerCase());
      expect(weightsCommitHash(...args)).toBe(c.expected.commit_hash.toLowerCase());
    });
  }

  it('uses the four-byte compact length past 16383 entries', () => {
    const uids = Array.from({ length: 16384 }, (_, k) => k % 65536);
    const pre = weightsCommitPreimage(accountId(`0x${'11'.repeat(32)}`), 1, uids, [], [], 0n);
    expect(Array.from(pre.slice(34, 38))).toEqual([0x02, 0x00, 0x01, 0x00]);
  });

  it('mechanism 0 stores under the netuid itself', () => {
    expect(netuidStorageIndex(5)).toBe(5);
    expect(netuidStorageIndex(1, 1)).toBe(4097);
  });
});
