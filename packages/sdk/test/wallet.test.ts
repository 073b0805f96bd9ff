/** Wallet layout, password rules, an encrypted coldkey written and reopened, and the error contract. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DecryptionFailed,
  resolveWalletLocation,
  SdkError,
  validateNewPassword,
  Wallet,
  walletPaths,
} from '../src/index.js';

describe('wallet layout', () => {
  it('defaults to ~/.bittensor/wallets/default with hotkey default', () => {
    const loc = resolveWalletLocation({}, {}, '/home/u');
    expect(walletPaths(loc)).toEqual({
      dir: '/home/u/.bittensor/wallets/default',
      coldkey: '/home/u/.bittensor/wallets/default/coldkey',
      coldkeypub: '/home/u/.bittensor/wallets/default/coldkeypub.txt',
      hotkey: '/home/u/.bittensor/wallets/default/hotkeys/default',
      hotkeypub: '/home/u/.bittensor/wallets/default/hotkeys/defaultpub.txt',
    });
  });

  it('takes options first, then BT_WALLET_* variables', () => {
    const env = { BT_WALLET_PATH: '~/w', BT_WALLET_NAME: 'env', BT_WALLET_HOTKEY: 'hk' };
    expect(resolveWalletLocation({}, env, '/h')).toEqual({ root: '/h/w', name: 'env', hotkey: 'hk' });
    expect(resolveWalletLocation({ path: '/x', name: 'n', hotkey: 'k' }, env, '/h')).toEqual({
      root: '/x',
      name: 'n',
      hotkey: 'k',
    });
  });
});

describe('new passwords', () => {
  it('trims, requires 6 bytes and an identical retype', () => {
    expect(validateNewPassword('  secret1 ', 'secret1')).toBe('secret1');
    expect(() => validateNewPassword('12345')).toThrow(expect.objectContaining({ code: 'WeakPassword' }));
    expect(validateNewPassword('ééé')).toBe('ééé'); // 6 bytes in UTF-8
    expect(() => validateNewPassword('secret1', 'secret2')).toThrow(
      expect.objectContaining({ code: 'PasswordMismatch' }),
    );
  });
});

describe('an encrypted coldkey', () => {
  it('is written as $NACL and opened with its password, without blocking the event loop', async () => {
    const root = mkdtempSync(join(tmpdir(), 'taonet-wallet-'));
    try {
      const wallet = new Wallet({ name: 'w', hotkey: 'h', path: root });
      let ticks = 0;
      const timer = setInterval(() => ticks++, 50);
      let created: Awaited<ReturnType<Wallet['createColdkey']>>;
      try {
        created = await wallet.createColdkey({ password: 'correct horse', words: 12 });
      } finally {
        clearInterval(timer);
      }
      expect(ticks).toBeGreaterThan(10);
      const file = readFileSync(wallet.paths.coldkey);
      expect(file.subarray(0, 5).toString()).toBe('$NACL');
      expect(file.includes(Buffer.from(created.mnemonic.split(' ')[0] as string))).toBe(false);
      expect(wallet.coldkeyPub().ss58Address).toBe(created.keypair.ss58Address);
      const opened = await wallet.coldkey('correct horse');
      expect(opened.ss58Address).toBe(created.keypair.ss58Address);
      expect(opened.canSign).toBe(true);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('errors', () => {
  it('carry code, explanation and hint, and are SdkErrors', () => {
    const e = new DecryptionFailed();
    expect(e).toBeInstanceOf(SdkError);
    expect(e).toBeInstanceOf(Error);
    expect(e.code).toBe('DecryptionFailed');
    expect(e.name).toBe('DecryptionFailed');
    expect(e.explanation).toContain('wrong password');
    expect(e.hint).toBeDefined();
    expect(e.message).toContain(e.explanation);
  });
});
