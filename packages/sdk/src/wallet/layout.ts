/**
 * Where a wallet's files live (`<root>/<wallet>/coldkey`, `coldkeypub.txt`, `hotkeys/<hotkey>` and
 * `hotkeys/<hotkey>pub.txt`), and how the root and names default. Pure: the caller passes the
 * environment and home directory, so nothing here touches the file system.
 */
import { join } from 'node:path';

/** The wallet root, relative to the home directory, when nothing overrides it. */
export const DEFAULT_WALLET_ROOT = '~/.bittensor/wallets/';
/** The wallet and hotkey name when nothing overrides them. */
export const DEFAULT_WALLET_NAME = 'default';

/** Which wallet and hotkey, under which root. */
export interface WalletLocation {
  /** The folder holding all wallets (`~` already expanded). */
  readonly root: string;
  /** The wallet (coldkey) name. */
  readonly name: string;
  /** The hotkey name. */
  readonly hotkey: string;
}

/** The files of one wallet location. */
export interface WalletPaths {
  /** `<root>/<wallet>`. */
  readonly dir: string;
  /** The secret coldkey file (NaCl-encrypted by default). */
  readonly coldkey: string;
  /** The public coldkey JSON. */
  readonly coldkeypub: string;
  /** The secret hotkey file (plaintext by default). */
  readonly hotkey: string;
  /** The public hotkey JSON; older wallets lack it and readers fall back to the hotkey file. */
  readonly hotkeypub: string;
}

/** `~` and `~/…` expanded against `home`. */
export function expandHome(path: string, home: string): string {
  if (path === '~') return home;
  return path.startsWith('~/') ? join(home, path.slice(2)) : path;
}

/**
 * The location from explicit options, then `BT_WALLET_PATH`, `BT_WALLET_NAME`, `BT_WALLET_HOTKEY`,
 * then the defaults.
 */
export function resolveWalletLocation(
  options: { readonly path?: string; readonly name?: string; readonly hotkey?: string },
  env: Readonly<Record<string, string | undefined>>,
  home: string,
): WalletLocation {
  const root = options.path ?? env.BT_WALLET_PATH ?? DEFAULT_WALLET_ROOT;
  return {
    root: expandHome(root, home),
    name: options.name ?? env.BT_WALLET_NAME ?? DEFAULT_WALLET_NAME,
    hotkey: options.hotkey ?? env.BT_WALLET_HOTKEY ?? DEFAULT_WALLET_NAME,
  };
}

/** The file paths of a wallet location. */
export function walletPaths(loc: WalletLocation): WalletPaths {
  const dir = join(loc.root, loc.name);
  return {
    dir,
    coldkey: join(dir, 'coldkey'),
    coldkeypub: join(dir, 'coldkeypub.txt'),
    hotkey: join(dir, 'hotkeys', loc.hotkey),
    hotkeypub: join(dir, 'hotkeys', `${loc.hotkey}pub.txt`),
  };
}
