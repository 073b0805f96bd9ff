/**
 * A Bittensor wallet on disk, in btcli's layout (`<root>/<name>/coldkey`, `coldkeypub.txt`,
 * `hotkeys/<hotkey>`): create, regenerate, list and unlock keys. The coldkey is encrypted
 * (`$NACL`, readable by Bittensor's tools); hotkeys are plaintext as in btcli. Writes go to a
 * temporary file that is then renamed, so a crash never leaves half a keyfile.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { SdkError } from '../errors.js';
import { type Keypair, keypairFromMnemonic } from '../keys/keypair.js';
import { generateMnemonic, type MnemonicWordCount, validateMnemonic } from '../keys/mnemonic.js';
import { keypairFromUri } from '../keys/uri.js';
import { decryptKeyfileDataAsync, encryptKeyfileDataAsync } from './keyfile.js';
import { detectKeyfileFormat } from './keyfile-format.js';
import { keypairFromKeyfileJson, keypairToKeyfileJson, keypairToPublicKeyfileJson } from './keyfile-json.js';
import { resolveWalletLocation, type WalletLocation, walletPaths } from './layout.js';
import { validateNewPassword } from './password.js';

export class KeyfileMissing extends SdkError {
  constructor(path: string) {
    super(
      'KeyfileMissing',
      `no keyfile at ${path}`,
      'create it with `taonet wallet create` or regenerate it from its mnemonic',
    );
  }
}

export class KeyLocked extends SdkError {
  constructor(path: string) {
    super(
      'KeyLocked',
      `${path} is encrypted and no password was given`,
      'pass a password, set TAONET_PASSWORD, or use --password-file',
    );
  }
}

/** Where a password comes from when a key must be unlocked. */
export type PasswordSource = string | (() => Promise<string>) | { readonly file: string } | { readonly env: string };

async function resolvePassword(src: PasswordSource | undefined, path: string): Promise<string> {
  if (src === undefined) throw new KeyLocked(path);
  if (typeof src === 'string') return src;
  if (typeof src === 'function') return src();
  if ('file' in src) return readFileSync(src.file, 'utf8').replace(/\r?\n$/, '');
  const v = process.env[src.env];
  if (v === undefined) throw new KeyLocked(path);
  return v;
}

/** Writes `data` atomically with owner-only permissions. */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const tmp = `${path}.tmp-${process.pid}-${Date.now()}`;
  writeFileSync(tmp, data, { mode: 0o600 });
  renameSync(tmp, path);
}

export interface CreateOptions {
  readonly words?: MnemonicWordCount;
  /** Password for the coldkey; null stores it unencrypted (not recommended). */
  readonly password: string | null;
  readonly overwrite?: boolean;
}

export class Wallet {
  readonly location: WalletLocation;

  constructor(opts: { name?: string; hotkey?: string; path?: string } = {}) {
    this.location = resolveWalletLocation(opts, process.env, homedir());
  }

  get name(): string {
    return this.location.name;
  }

  get hotkeyName(): string {
    return this.location.hotkey;
  }

  get paths(): ReturnType<typeof walletPaths> {
    return walletPaths(this.location);
  }

  /** The same wallet with another hotkey selected. */
  withHotkey(hotkey: string): Wallet {
    return new Wallet({ name: this.location.name, hotkey, path: this.location.root });
  }

  private refuseOverwrite(path: string, overwrite: boolean | undefined): void {
    if (existsSync(path) && overwrite !== true) {
      throw new SdkError(
        'KeyfileExists',
        `${path} already exists`,
        'pass --overwrite to replace it (its key is lost unless you have the mnemonic)',
      );
    }
  }

  private async writeColdkey(kp: Keypair, o: CreateOptions): Promise<void> {
    const p = this.paths;
    this.refuseOverwrite(p.coldkey, o.overwrite);
    const json = keypairToKeyfileJson(kp);
    const data =
      o.password === null ? json : await encryptKeyfileDataAsync(json, validateNewPassword(o.password), 'nacl');
    // Checked again after the slow derivation: another process may have written the file meanwhile.
    this.refuseOverwrite(p.coldkey, o.overwrite);
    writeFileAtomic(p.coldkey, data);
    writeFileAtomic(p.coldkeypub, keypairToPublicKeyfileJson(kp));
  }

  private writeHotkey(kp: Keypair, overwrite: boolean | undefined): void {
    const p = this.paths;
    this.refuseOverwrite(p.hotkey, overwrite);
    writeFileAtomic(p.hotkey, keypairToKeyfileJson(kp));
    writeFileAtomic(p.hotkeypub, keypairToPublicKeyfileJson(kp));
  }

  /** Creates a new coldkey; returns its mnemonic (show it once to the user). */
  async createColdkey(o: CreateOptions): Promise<{ mnemonic: string; keypair: Keypair }> {
    const mnemonic = generateMnemonic(o.words ?? 12);
    const keypair = keypairFromMnemonic(mnemonic);
    await this.writeColdkey(keypair, o);
    return { mnemonic, keypair };
  }

  /** Recreates the coldkey from its mnemonic (or a dev URI such as //Alice). */
  async regenColdkey(secret: string, o: CreateOptions): Promise<Keypair> {
    const kp = secret.startsWith('/') ? keypairFromUri(secret) : this.fromMnemonic(secret);
    await this.writeColdkey(kp, o);
    return kp;
  }

  private fromMnemonic(m: string): Keypair {
    if (!validateMnemonic(m))
      throw new SdkError(
        'InvalidMnemonic',
        'the mnemonic is not a valid BIP39 phrase',
        'check the words and their order',
      );
    return keypairFromMnemonic(m);
  }

  createHotkey(o: { words?: MnemonicWordCount; overwrite?: boolean } = {}): { mnemonic: string; keypair: Keypair } {
    const mnemonic = generateMnemonic(o.words ?? 12);
    const keypair = keypairFromMnemonic(mnemonic);
    this.writeHotkey(keypair, o.overwrite);
    return { mnemonic, keypair };
  }

  regenHotkey(secret: string, o: { overwrite?: boolean } = {}): Keypair {
    const kp = secret.startsWith('/') ? keypairFromUri(secret) : this.fromMnemonic(secret);
    this.writeHotkey(kp, o.overwrite);
    return kp;
  }

  /** The coldkey's public half (no password needed). */
  coldkeyPub(): Keypair {
    const p = this.paths;
    if (!existsSync(p.coldkeypub)) throw new KeyfileMissing(p.coldkeypub);
    return keypairFromKeyfileJson(readFileSync(p.coldkeypub, 'utf8'));
  }

  /** The unlocked coldkey. */
  async coldkey(password?: PasswordSource): Promise<Keypair> {
    return this.readSecret(this.paths.coldkey, password);
  }

  async hotkey(password?: PasswordSource): Promise<Keypair> {
    return this.readSecret(this.paths.hotkey, password);
  }

  hotkeyPub(): Keypair {
    const p = this.paths;
    const path = existsSync(p.hotkeypub) ? p.hotkeypub : p.hotkey;
    if (!existsSync(path)) throw new KeyfileMissing(p.hotkey);
    const data = readFileSync(path);
    if (detectKeyfileFormat(data) !== 'plaintext')
      throw new SdkError('KeyLocked', `${path} is encrypted`, 'unlock it with hotkey()');
    return keypairFromKeyfileJson(data.toString('utf8'));
  }

  private async readSecret(path: string, password?: PasswordSource): Promise<Keypair> {
    if (!existsSync(path)) throw new KeyfileMissing(path);
    const data = new Uint8Array(readFileSync(path));
    if (detectKeyfileFormat(data) === 'plaintext') return keypairFromKeyfileJson(new TextDecoder().decode(data));
    const pw = await resolvePassword(password, path);
    const dec = await decryptKeyfileDataAsync(data, pw);
    const kp = keypairFromKeyfileJson(dec.plaintext);
    if (!kp.canSign)
      throw new SdkError('PublicKeyOnly', `${path} holds only a public key`, 'regenerate it from the mnemonic');
    return kp;
  }

  /** Hotkey names of this wallet. */
  hotkeyNames(): string[] {
    const dir = join(this.location.root, this.location.name, 'hotkeys');
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((f) => !f.endsWith('pub.txt') && !f.includes('.tmp-'))
      .sort();
  }

  /** Wallet names under a root. */
  static list(root?: string): string[] {
    const loc = resolveWalletLocation(root === undefined ? {} : { path: root }, process.env, homedir());
    if (!existsSync(loc.root)) return [];
    return readdirSync(loc.root, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
  }
}
