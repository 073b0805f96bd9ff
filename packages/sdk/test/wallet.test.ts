/** Wallet layout, password rules and the error contract. */
import { describe, expect, it } from 'vitest';
import { DecryptionFailed, resolveWalletLocation, SdkError, validateNewPassword, walletPaths } from '../src/index.js';

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
