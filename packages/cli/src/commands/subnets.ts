/** `taonet subnets`: list, show, metagraph, hyperparameters, burn-cost, create, start, register, set. */
import { keypairSigner, Metagraph, Tao } from '@taonet/sdk';
import type { CommandGroup } from '../command-spec.js';
import type { Cli } from '../context.js';
import { color, table, withSpinner } from '../ui.js';

const pct = (u16: number): string => `${((u16 / 65535) * 100).toFixed(2)}%`;

function parseValue(v: string): number | bigint | boolean | string {
  if (v === 'true' || v === 'false') return v === 'true';
  if (/^-?\d+n?$/.test(v)) {
    const big = BigInt(v.replace(/n$/, ''));
    return v.endsWith('n') || big > BigInt(Number.MAX_SAFE_INTEGER) || big < -BigInt(Number.MAX_SAFE_INTEGER)
      ? big
      : Number(big);
  }
  return v;
}

async function subnetsList(cli: Cli): Promise<number> {
  const st = await cli.connect();
  const subs = await st.subnets();
  return cli.report(
    subs.map((x) => ({ ...x, raw: undefined, price: x.price.raoPerAlpha() })),
    () =>
      table(
        ['netuid', 'name', 'sym', 'price τ/α', 'TAO in', 'alpha in', 'share', 'n', 'reg cost', 'owner'],
        subs.map((x) => [
          String(x.netuid),
          x.name,
          x.symbol,
          x.price.format(6).replace(' τ/α', ''),
          x.taoIn.format(2),
          x.alphaIn.format(2),
          `${((Number(x.emissionShare) / 2 ** 64) * 100).toFixed(2)}%`,
          `${x.n}/${x.maxUids}`,
          x.netuid === 0 ? '-' : x.registrationCost.format(4),
          x.owner ?? '-',
        ]),
      ),
  );
}

async function subnetsShow(cli: Cli, o: { netuid: string }): Promise<number> {
  const st = await cli.connect();
  const x = await st.subnet(Number(o.netuid));
  if (x === null) return cli.report({ success: false, code: 'SubnetNotExists' }, () => `no subnet ${o.netuid}`) || 1;
  return cli.report({ ...x, raw: undefined, price: x.price.raoPerAlpha() }, () =>
    [
      `${color.bold(`${x.symbol} ${x.name}`)} (netuid ${x.netuid})`,
      `  owner        ${x.owner ?? '-'}`,
      `  price        ${x.price.format(9)}`,
      `  pool         ${x.taoIn.format(4)} · ${x.alphaIn.format(4)} (alpha out ${x.alphaOut.format(4)})`,
      `  emission     ${((Number(x.emissionShare) / 2 ** 64) * 100).toFixed(3)}% of TAO per block`,
      `  neurons      ${x.n}/${x.maxUids}, tempo ${x.tempo}, next epoch in ${x.blocksUntilNextEpoch} blocks`,
      `  registration ${x.registrationCost.format(6)}`,
      `  started      ${x.started ? 'yes' : 'no (owner: taonet subnets start)'}`,
    ].join('\n'),
  );
}

async function subnetsMetagraph(cli: Cli, o: { netuid: string }): Promise<number> {
  const st = await cli.connect();
  const mg = await new Metagraph(st, Number(o.netuid)).sync();
  const rows = mg.hotkeys.map((h, uid) => ({
    uid,
    hotkey: h,
    coldkey: mg.coldkeys[uid] ?? null,
    stake: mg.totalStake[uid] ?? 0n,
    incentive: mg.incentive[uid] ?? 0,
    dividends: mg.dividends[uid] ?? 0,
    trust: mg.validatorTrust[uid] ?? 0,
    emission: mg.emission[uid] ?? 0n,
    permit: mg.validatorPermit[uid] ?? false,
    lastUpdate: mg.lastUpdate[uid] ?? 0n,
    axon: mg.axons[uid] ?? null,
  }));
  return cli.report({ netuid: mg.netuid, block: mg.block, n: mg.n, neurons: rows }, () =>
    table(
      ['uid', 'hotkey', 'stake', 'incentive', 'dividends', 'vtrust', 'emission', 'vpermit', 'updated', 'axon'],
      rows.map((r) => [
        String(r.uid),
        `${r.hotkey.slice(0, 10)}…`,
        new Tao(r.stake).format(2).replace('τ', ''),
        pct(r.incentive),
        pct(r.dividends),
        pct(r.trust),
        new Tao(r.emission).format(4).replace('τ', ''),
        r.permit ? '✓' : '',
        String(mg.block - r.lastUpdate),
        r.axon === null ? '' : `${r.axon.ip}:${r.axon.port}`,
      ]),
    ),
  );
}

async function subnetsHyperparameters(cli: Cli, o: { netuid: string }): Promise<number> {
  const st = await cli.connect();
  const hp = (await st.hyperparameters(Number(o.netuid))) ?? [];
  return cli.report(hp, () =>
    table(
      ['name', 'value', 'owner', 'meaning'],
      hp.map((h) => [h.name, String(h.value), h.ownerSettable ? 'yes' : 'admin', h.description]),
    ),
  );
}

async function subnetsBurnCost(cli: Cli): Promise<number> {
  const st = await cli.connect();
  const p = await st.registrationPrices();
  return cli.report(p, () =>
    [
      `subnet lock cost ${p.network.format(4)}`,
      ...Object.entries(p.neuron).map(([n, c]) => `  netuid ${n}: neuron ${c.format(6)}`),
    ].join('\n'),
  );
}

async function subnetsCreate(cli: Cli, o: { uri?: string; hotkeyAddress?: string; name?: string }): Promise<number> {
  const st = await cli.connect();
  const cost = (await st.registrationPrices()).network;
  if (!(await cli.confirm(`Register a subnet for ${cost.format()}?`))) return 1;
  const key = await cli.coldkey(o.uri);
  const hot = o.hotkeyAddress ?? cli.wallet().hotkeyPub().ss58Address;
  const r = await withSpinner('registering subnet', () =>
    st.registerNetwork(keypairSigner(key), hot, o.name === undefined ? undefined : { name: o.name }),
  );
  const netuid = r.events.find((e) => e.name === 'NetworkAdded')?.data.netuid;
  return cli.reportTx(r, `subnet ${String(netuid ?? '?')} registered`, { netuid: netuid ?? null });
}

async function subnetsStart(cli: Cli, o: { netuid: string; uri?: string }): Promise<number> {
  const st = await cli.connect();
  const r = await withSpinner('starting', async () =>
    st.startCall(keypairSigner(await cli.coldkey(o.uri)), Number(o.netuid)),
  );
  return cli.reportTx(r, `subnet ${o.netuid} started`);
}

async function subnetsRegister(
  cli: Cli,
  o: { netuid: string; uri?: string; hotkeyAddress?: string; maxPrice?: string },
): Promise<number> {
  const st = await cli.connect();
  const netuid = Number(o.netuid);
  const price = (await st.registrationPrices()).neuron[netuid];
  if (!(await cli.confirm(`Register on subnet ${netuid} for ${price?.format() ?? 'the root rules'}?`))) return 1;
  const hot = o.hotkeyAddress ?? cli.wallet().hotkeyPub().ss58Address;
  const key = await cli.coldkey(o.uri);
  const r = await withSpinner('registering', () =>
    st.register(keypairSigner(key), netuid, hot, o.maxPrice === undefined ? undefined : Tao.of(o.maxPrice)),
  );
  const uid = r.events.find((e) => e.name === 'NeuronRegistered')?.data.uid;
  return cli.reportTx(r, `registered uid ${String(uid ?? '?')} on subnet ${netuid}`, { uid: uid ?? null });
}

async function subnetsSet(
  cli: Cli,
  o: { netuid: string; param: string; value: string; uri?: string },
): Promise<number> {
  const st = await cli.connect();
  const current = await st.hyperparameter(Number(o.netuid), o.param);
  let value = parseValue(o.value);
  if (typeof current === 'string' && /^\d+$/.test(current) && typeof value === 'number') value = BigInt(value);
  const r = await st.setHyperparameter(keypairSigner(await cli.coldkey(o.uri)), Number(o.netuid), o.param, value);
  return cli.reportTx(r, `${o.param} = ${o.value} on subnet ${o.netuid}`);
}

export const subnetCommands: CommandGroup = {
  name: 'subnets',
  aliases: ['s'],
  description: 'subnets: list, inspect, create, register',
  commands: [
    {
      name: 'list',
      description: 'every subnet with price, reserves, emission share and registration cost',
      run: subnetsList,
    },
    {
      name: 'show',
      description: 'one subnet in detail',
      options: [{ flags: '--netuid <n>', description: 'subnet id', required: true }],
      run: subnetsShow,
    },
    {
      name: 'metagraph',
      description: 'the metagraph table of a subnet',
      options: [{ flags: '--netuid <n>', description: 'subnet id', required: true }],
      run: subnetsMetagraph,
    },
    {
      name: 'hyperparameters',
      aliases: ['hyperparams'],
      description: 'a subnet’s hyperparameters with who may set them',
      options: [{ flags: '--netuid <n>', description: 'subnet id', required: true }],
      run: subnetsHyperparameters,
    },
    {
      name: 'burn-cost',
      description: 'price of registering a subnet now, and of a neuron on each subnet',
      run: subnetsBurnCost,
    },
    {
      name: 'create',
      description: 'register a new subnet (locks the current burn cost); your hotkey becomes uid 0',
      options: [
        { flags: '--uri <uri>', description: 'sign with a dev key (e.g. //Alice) instead of the wallet coldkey' },
        { flags: '--hotkey-address <ss58>', description: 'owner hotkey (default: the wallet hotkey)' },
        { flags: '--name <name>', description: 'subnet name' },
      ],
      run: subnetsCreate,
    },
    {
      name: 'start',
      description: 'start a subnet you own: emission begins and staking opens',
      options: [
        { flags: '--netuid <n>', description: 'subnet id', required: true },
        { flags: '--uri <uri>', description: 'sign with a dev key instead of the wallet coldkey' },
      ],
      run: subnetsStart,
    },
    {
      name: 'register',
      description: 'register a hotkey on a subnet (burns the current registration price); netuid 0 joins root',
      options: [
        { flags: '--netuid <n>', description: 'subnet id', required: true },
        { flags: '--uri <uri>', description: 'pay with a dev key instead of the wallet coldkey' },
        { flags: '--hotkey-address <ss58>', description: 'hotkey to register (default: the wallet hotkey)' },
        { flags: '--max-price <tao>', description: 'refuse if the price is above this (TAO)' },
      ],
      run: subnetsRegister,
    },
    {
      name: 'set',
      description: 'set a hyperparameter (the owner within bounds, or the admin account)',
      options: [
        { flags: '--netuid <n>', description: 'subnet id', required: true },
        {
          flags: '--param <name>',
          description: 'hyperparameter name (see `taonet subnets hyperparameters`)',
          required: true,
        },
        { flags: '--value <v>', description: 'new value (integers, true/false, or text)', required: true },
        { flags: '--uri <uri>', description: 'sign with a dev key instead of the wallet coldkey' },
      ],
      run: subnetsSet,
    },
  ],
};
