/**
 * `taonet proxy add|remove|list`: let another key act for the wallet coldkey with the calls a proxy
 * type allows (Staking, NonTransfer, …, subtensor's types), so the coldkey can stay offline.
 */
import { keypairFromUri, keypairSigner, SdkError, toAccountHex } from '@taonet/sdk';
import { PROXY_TYPES, type ProxyType } from '@taonet/sdk/actions';
import type { CommandGroup } from '../command-spec.js';
import type { Cli } from '../context.js';
import { table, withSpinner } from '../ui.js';

interface ProxyOpts {
  delegate: string;
  type: string;
  delay?: string;
  uri?: string;
}

function delayOf(text: string | undefined): bigint {
  if (text === undefined) return 0n;
  if (!/^\d{1,10}$/.test(text) || BigInt(text) > 0xffff_ffffn)
    throw new SdkError('InvalidArgument', `--delay must be a block count, got '${text}'`, 'e.g. --delay 100');
  return BigInt(text);
}

function proxyType(text: string): ProxyType {
  const t = PROXY_TYPES.find((p) => p.toLowerCase() === text.toLowerCase());
  if (t === undefined)
    throw new SdkError('InvalidArgument', `unknown proxy type '${text}'`, `use one of ${PROXY_TYPES.join(', ')}`);
  return t;
}

function change(add: boolean) {
  return async (cli: Cli, o: ProxyOpts): Promise<number> => {
    const type = proxyType(o.type);
    const delay = delayOf(o.delay);
    toAccountHex(o.delegate);
    const st = await cli.connect();
    if (add) await cli.confirm(`Let ${o.delegate} act for your coldkey with ${type} calls`);
    const signer = keypairSigner(await cli.coldkey(o.uri));
    const r = await withSpinner(add ? 'adding proxy' : 'removing proxy', () =>
      add
        ? st.addProxy(signer, { delegate: o.delegate, proxyType: type, delay })
        : st.removeProxy(signer, { delegate: o.delegate, proxyType: type, delay }),
    );
    return cli.reportTx(r, `${type} proxy ${o.delegate} ${add ? 'added' : 'removed'}`, {
      delegate: o.delegate,
      proxyType: type,
      delay,
    });
  };
}

async function list(cli: Cli, o: { ss58?: string; uri?: string }): Promise<number> {
  const real =
    o.ss58 ?? (o.uri === undefined ? cli.wallet().coldkeyPub().ss58Address : keypairFromUri(o.uri).ss58Address);
  const st = await cli.connect();
  const r = await st.proxies(real);
  return cli.report({ real, ...r }, () =>
    r.delegates.length === 0
      ? `${real} has no proxies`
      : table(
          ['delegate', 'type', 'delay'],
          r.delegates.map((d) => [d.delegate, d.proxyType, String(d.delay)]),
        ),
  );
}

const CHANGE_OPTIONS = [
  { flags: '--delegate <ss58>', description: 'the key that may act for the coldkey', required: true },
  { flags: '--type <type>', description: `proxy type: ${PROXY_TYPES.join(', ')}`, required: true },
  { flags: '--delay <blocks>', description: 'blocks each call must be announced ahead (default 0)' },
  { flags: '--uri <uri>', description: 'sign with a dev key instead of the wallet coldkey' },
];

export const proxyCommands: CommandGroup = {
  name: 'proxy',
  description: 'proxies: let another key act for the coldkey (add, remove, list)',
  commands: [
    { name: 'add', description: 'add a proxy of a type (e.g. Staking)', options: CHANGE_OPTIONS, run: change(true) },
    { name: 'remove', description: 'remove a proxy', options: CHANGE_OPTIONS, run: change(false) },
    {
      name: 'list',
      description: 'the proxies of a coldkey',
      options: [
        { flags: '--ss58 <address>', description: 'any coldkey instead of the wallet’s' },
        { flags: '--uri <uri>', description: 'the coldkey of a dev key' },
      ],
      run: list,
    },
  ],
};
