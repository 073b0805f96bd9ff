import {
  DEV_BEACON_PUBLIC_KEY,
  devBeaconPulse,
  readTimelockedWeights,
  timelockDecrypt,
  toHex,
} from '@taonet/primitives';
import { describe, expect, it } from 'vitest';
import {
  commitTimelockedWeights,
  NoBeaconError,
  revealRoundFor,
} from '../../../src/client/actions/commit-timelocked-weights.js';
import { keypairFromUri, keypairSigner } from '../../../src/index.js';
import { ScriptedNode } from '../scripted-node.js';

const hot = keypairSigner(keypairFromUri('//hot'));
/** The dev beacon from unix 0, 3 s rounds; head 100 at 25 s, 250 ms blocks. */
const beacon =
  (last = '8') =>
  () => ({
    publicKey: toHex(DEV_BEACON_PUBLIC_KEY),
    chainHash: `0x${'00'.repeat(32)}`,
    genesisTime: '0',
    period: '3',
    lastStoredRound: last,
    oldestStoredRound: '1',
    blockTimeMs: 250,
    head: '100',
    headTimestamp: '25000',
  });
const commits = (revealBlock: string) => () => ({
  netuid: 1,
  commitRevealEnabled: true,
  revealPeriodEpochs: 1,
  epoch: '3',
  lastStoredRound: '8',
  pending: [],
  failed: [],
  nextCommit: { commitEpoch: '3', revealEpoch: '4', revealBlock },
});

describe('commitTimelockedWeights', () => {
  it('encrypts the payload to the round out when the reveal epoch starts, and sends version 4', async () => {
    const node = new ScriptedNode({ taonet_beacon: beacon(), taonet_timelockedCommits: commits('130') });
    // Block 130 is 30 blocks (7.5 s) after the head's 25 s: 32.5 s → round ⌊32 / 3⌋ + 1 = 11.
    const r = await commitTimelockedWeights(node, hot, {
      netuid: 1,
      uids: [0, 3],
      values: [65535, 100],
      versionKey: 7n,
    });
    expect(r.revealRound).toBe(11n);
    expect(node.sent.method).toBe('commit_timelocked_weights');
    expect(node.sent.args).toMatchObject({ netuid: 1, revealRound: 11n, commitRevealVersion: 4 });
    const plain = timelockDecrypt(node.sent.args.commit as Uint8Array, devBeaconPulse(11n).signature);
    const read = readTimelockedWeights(plain, hot.publicKey);
    expect(read).toEqual({
      ok: true,
      weights: { uids: [0, 3], values: [65535, 100], versionKey: 7n, form: 'with-hotkey' },
    });
  });

  it('never picks a round already on chain', async () => {
    const node = new ScriptedNode({ taonet_beacon: beacon('40'), taonet_timelockedCommits: commits('130') });
    expect(await revealRoundFor(node, 1)).toBe(41n);
  });

  it('refuses on a chain without a beacon', async () => {
    const node = new ScriptedNode({ taonet_beacon: () => null, taonet_timelockedCommits: commits('130') });
    await expect(commitTimelockedWeights(node, hot, { netuid: 1, uids: [0], values: [1] })).rejects.toBeInstanceOf(
      NoBeaconError,
    );
  });
});
