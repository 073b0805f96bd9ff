/** `taonet wallet`: create, regen-coldkey, regen-hotkey, new-hotkey, list, balance, transfer. */

import { keypairSigner, SdkError, toAccountHex, Wallet } from '@taonet/sdk';
import { getIdentityCommand, setIdentityCommand } from './wallet-identity.js';
import { swapColdkeyCommand, swapHotkeyCommand } from './wallet-swap.js';
import type { CommandGroup } from '../command-spec.js';
import type { Cli } from '../context.js';
import { parseTao } from '../parse.js';
import { color, table, withSpinner } from '../ui.js';

async function newPassword(cli: Cli, o: { password?: boolean }): Promise<string | null> {
  if (o.password === false) return null;
  const src = cli.passwordSource();
  if (src === undefined) return null;
  if (typeof src === 'function') {
    const pw = await src();
    const again = await cli.ask('Retype your password: ');
    if (pw !== again) throw new Error('Passwords do not match.');
    return pw;
  }
  if (typeof src === 'string') return src;
  if ('file' in src) return (await import('node:fs')).readFileSync(src.file, 'utf8').replace(/\r?\n$/, '');
  return process.env[src.env] ?? null;
}

async function walletCreate(cli: Cli, o: { nWords: string; password?: boolean; overwrite?: boolean }): Promise<number> {
  const wallet = cli.wallet();
  const pw = await newPassword(cli, o);
  const words = Number(o.nWords) as 12;
  const cold = await withSpinner('writing coldkey', async () =>
    wallet.createColdkey({
      words,
      password: pw,
      ...(o.overwrite === undefined ? {} : { overwrite: o.overwrite }),
    }),
  );
  const hot = wallet.createHotkey({ words, ...(o.overwrite === undefined ? {} : { overwrite: o.overwrite }) });
  const data = {
    name: wallet.name,
    path: wallet.location.root,
    hotkey: wallet.hotkeyName,
    coldkey_ss58: cold.keypair.ss58Address,
    hotkey_ss58: hot.keypair.ss58Address,
    encrypted: pw !== null,
  };
  return cli.report({ success: true, data, coldkeyMnemonic: cold.mnemonic, hotkeyMnemonic: hot.mnemonic }, () =>
    [
      `${color.green('✓')} wallet ${wallet.name} created in ${wallet.location.root}`,
      `  coldkey ${cold.keypair.ss58Address}${pw === null ? color.red(' (unencrypted)') : ''}`,
      `  hotkey  ${hot.keypair.ss58Address} (${wallet.hotkeyName})`,
      '',
      color.bold('Write these down; they are shown only once:'),
      `  coldkey mnemonic: ${cold.mnemonic}`,
      `  hotkey mnemonic:  ${hot.mnemonic}`,
    ].join('\n'),
  );
}

async function walletRegenColdkey(
  cli: Cli,
  o: { mnemonic: string; password?: boolean; overwrite?: boolean },
): Promise<number> {
  const wallet = cli.wallet();
  const pw = await newPassword(cli, o);
  const kp = await withSpinner('writing coldkey', () =>
    wallet.regenColdkey(o.mnemonic, {
      password: pw,
      ...(o.overwrite === undefined ? {} : { overwrite: o.overwrite }),
    }),
  );
  return cli.report(
    { success: true, data: { name: wallet.name, coldkey_ss58: kp.ss58Address } },
    () => `${color.green('✓')} coldkey ${kp.ss58Address}`,
  );
}

async function walletList(cli: Cli): Promise<number> {
  const root = cli.wallet().location.root;
  const wallets = Wallet.list(cli.opts.walletPath).map((name) => {
    const wl = new Wallet({ name, path: root });
    let coldkey: string | null = null;
    try {
      coldkey = wl.coldkeyPub().ss58Address;
    } catch {
      coldkey = null;
    }
    const hotkeys = wl.hotkeyNames().map((h) => {
      try {
        return { name: h, ss58: wl.withHotkey(h).hotkeyPub().ss58Address };
      } catch {
        return { name: h, ss58: null };
      }
    });
    return { name, coldkey, hotkeys };
  });
  return cli.report({ root, wallets }, () =>
    wallets.length === 0
      ? `no wallets under ${root} (create one with \`taonet wallet create\`)`
      : wallets
          .map((x) =>
            [
              `${color.bold(x.name)}  ${x.coldkey ?? '(no coldkeypub)'}`,
              ...x.hotkeys.map((h) => `  └ ${h.name}  ${h.ss58 ?? '(encrypted)'}`),
            ].join('\n'),
          )
          .join('\n'),
  );
}

/** The wallet's coldkey address; a missing default wallet names the wallets that do exist. */
function balanceAddress(cli: Cli): string {
  try {
    return cli.wallet().coldkeyPub().ss58Address;
  } catch (e) {
    if (
      !(e instanceof SdkError) ||
      e.code !== 'KeyfileMissing' ||
      cli.opts.walletName !== undefined ||
      process.env.BT_WALLET_NAME !== undefined
    )
      throw e;
    const names = Wallet.list(cli.opts.walletPath);
    throw new SdkError(
      'WalletNotFound',
      `no wallet named "${cli.wallet().name}" under ${cli.wallet().location.root}`,
      names.length === 0
        ? 'create one with `taonet wallet create --wallet-name <name>`'
        : `wallets here: ${names.join(', ')}; choose one with --wallet-name <name>`,
    );
  }
}

async function walletBalance(cli: Cli, o: { ss58?: string }): Promise<number> {
  const address = o.ss58 ?? balanceAddress(cli);
  const st = await cli.connect();
  const info = await st.accountInfo(address);
  const data = {
    address: info.address,
    free: info.free,
    stakedTaoValue: info.stakedTaoValue,
    total: info.free.plus(info.stakedTaoValue),
    stakes: info.stakes.map((p) => ({
      netuid: p.netuid,
      hotkey: p.hotkey,
      alpha: p.alpha,
      taoValue: p.taoValue,
    })),
  };
  return cli.report(data, () => {
    const rows = info.stakes.map((p) => [String(p.netuid), p.hotkey, p.alpha.format(4), p.taoValue.format(4)]);
    return [
      `${color.bold(info.address)}`,
      `  free    ${info.free.format(4)}`,
      `  staked  ${info.stakedTaoValue.format(4)} (value at spot price)`,
      `  total   ${data.total.format(4)}`,
      ...(rows.length > 0 ? ['', table(['netuid', 'hotkey', 'stake (α)', 'value (τ)'], rows)] : []),
    ].join('\n');
  });
}

async function walletTransfer(cli: Cli, o: { dest: string; amount: string; uri?: string }): Promise<number> {
  const amount = parseTao(o.amount);
  toAccountHex(o.dest);
  const st = await cli.connect();
  await cli.confirm(`Transfer ${amount.format()} to ${o.dest}`);
  const key = await cli.coldkey(o.uri);
  const r = await withSpinner('waiting for inclusion', () => st.transfer(keypairSigner(key), o.dest, amount));
  return cli.reportTx(r, `sent ${amount.format()} to ${o.dest}`);
}

/** `new-hotkey` and `regen-hotkey`: the same command, creating or recreating the key. */
function hotkeyCommand(regen: boolean) {
  return async (cli: Cli, o: { mnemonic?: string; overwrite?: boolean }): Promise<number> => {
    const wallet = cli.wallet();
    const ow = o.overwrite === undefined ? {} : { overwrite: o.overwrite };
    const kp = regen
      ? wallet.regenHotkey(o.mnemonic ?? (await cli.ask('Mnemonic or URI: ')), ow)
      : wallet.createHotkey(ow).keypair;
    return cli.report(
      { success: true, data: { name: wallet.name, hotkey: wallet.hotkeyName, hotkey_ss58: kp.ss58Address } },
      () => `${color.green('✓')} hotkey ${wallet.hotkeyName} ${kp.ss58Address}`,
    );
  };
}

const HOTKEY_OPTIONS = [
  { flags: '--mnemonic <words>', description: 'the mnemonic or a //dev URI (regen)' },
  { flags: '--overwrite', description: 'replace an existing hotkey' },
];

export const walletCommands: CommandGroup = {
  name: 'wallet',
  aliases: ['w'],
  description: 'create and use wallets (coldkeys and hotkeys)',
  commands: [
    {
      name: 'create',
      description: 'create a new coldkey and hotkey (prints the mnemonics once)',
      options: [
        { flags: '--n-words <n>', description: 'mnemonic length', default: '12' },
        { flags: '--no-password', description: 'store the coldkey unencrypted (local testing only)' },
        { flags: '--overwrite', description: 'replace existing keys' },
      ],
      run: walletCreate,
    },
    {
      name: 'regen-coldkey',
      description: 'recreate a coldkey from its mnemonic (or a dev URI such as //Alice)',
      options: [
        { flags: '--mnemonic <words>', description: 'the mnemonic or a //dev URI', required: true },
        { flags: '--no-password', description: 'store the coldkey unencrypted (local testing only)' },
        { flags: '--overwrite', description: 'replace an existing coldkey' },
      ],
      run: walletRegenColdkey,
    },
    {
      name: 'new-hotkey',
      description: 'create a new hotkey in the wallet',
      options: HOTKEY_OPTIONS,
      run: hotkeyCommand(false),
    },
    {
      name: 'regen-hotkey',
      description: 'recreate a hotkey from its mnemonic or a //dev URI',
      options: HOTKEY_OPTIONS,
      run: hotkeyCommand(true),
    },
    { name: 'list', description: 'wallets and their hotkeys', run: walletList },
    {
      name: 'balance',
      description: 'free TAO and stake (alpha per subnet, with its TAO value apart)',
      options: [{ flags: '--ss58 <address>', description: 'any address instead of the wallet coldkey' }],
      run: walletBalance,
    },
    {
      name: 'transfer',
      description: 'send TAO',
      options: [
        { flags: '--dest <address>', description: 'destination address', required: true },
        { flags: '--amount <tao>', description: 'amount in TAO (e.g. 1.5)', required: true },
        { flags: '--uri <uri>', description: 'sign with a dev key (e.g. //Alice) instead of the wallet' },
      ],
      run: walletTransfer,
    },
    swapHotkeyCommand,
    swapColdkeyCommand,
    setIdentityCommand,
    getIdentityCommand,
  ],
};
