/** `taonet subnets`: list, show, metagraph, hyperparameters, burn-cost, create, start, register, set, mechanisms. */
import { type AxonEndpoint, keypairSigner, Metagraph, SdkError, type Subtensor, Tao } from '@taonet/sdk';
import type { CommandGroup } from '../command-spec.js';
import type { Cli } from '../context.js';
import { existingSubnet } from '../existing-subnet.js';
import { parseMecid, parseNetuid, parseTao } from '../parse.js';
import { subnetsMechanismsCommand } from './subnets-mechanisms.js';
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
    subs.map((x) => ({ ...x, raw: undefined })),
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
          x.netuid === 0 ? '-' : x.registrationCost.format(6),
          x.owner ?? '-',
        ]),
      ),
  );
}

async function subnetsShow(cli: Cli, o: { netuid: string }): Promise<number> {
  const netuid = parseNetuid(o.netuid);
  const st = await cli.connect();
  const x = await existingSubnet(st, netuid);
  return cli.report({ ...x, raw: undefined }, () =>
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

/** An axon as served; `0.0.0.0` (listen everywhere) is no address to reach, so it says so. */
export function axonText(a: AxonEndpoint | null): string {
  if (a === null || a.port === 0) return 'unset';
  if (a.ip === '0.0.0.0' || a.ip === '::') return `unset ip (port ${a.port})`;
  return a.ip.includes(':') ? `[${a.ip}]:${a.port}` : `${a.ip}:${a.port}`;
}

async function subnetsMetagraph(cli: Cli, o: { netuid: string; mecid?: string }): Promise<number> {
  const netuid = parseNetuid(o.netuid);
  const mecid = parseMecid(o.mecid);
  const st = await cli.connect();
  const { symbol } = await existingSubnet(st, netuid);
  const mg = await new Metagraph(st, netuid, undefined, mecid).sync();
  const rows = mg.hotkeys.map((h, uid) => ({
    uid,
    hotkey: h,
    coldkey: mg.coldkeys[uid] ?? null,
    stake: { unit: 'alpha', netuid, symbol, rao: (mg.totalStake[uid] ?? 0n).toString() },
    incentive: mg.incentive[uid] ?? 0,
    dividends: mg.dividends[uid] ?? 0,
    trust: mg.validatorTrust[uid] ?? 0,
    emission: { unit: 'alpha', netuid, symbol, rao: (mg.emission[uid] ?? 0n).toString() },
    permit: mg.validatorPermit[uid] ?? false,
    lastUpdate: mg.lastUpdate[uid] ?? 0n,
    blocksSinceUpdate: mg.block - (mg.lastUpdate[uid] ?? 0n),
    axon: mg.axons[uid] ?? null,
  }));
  const alpha = (rao: string, d: number): string => new Tao(BigInt(rao)).format(d).replace('τ', '');
  return cli.report(
    { netuid: mg.netuid, mecid, block: mg.block, n: mg.n, proportions: 'u16 (65535 = 1)', neurons: rows },
    () =>
      table(
        [
          'uid',
          'hotkey',
          `stake (${symbol})`,
          'incentive',
          'dividends',
          'vtrust',
          `emission (${symbol})`,
          'vpermit',
          'blocks since update',
          'axon',
        ],
        rows.map((r) => [
          String(r.uid),
          `${r.hotkey.slice(0, 10)}…`,
          alpha(r.stake.rao, 2),
          pct(r.incentive),
          pct(r.dividends),
          pct(r.trust),
          alpha(r.emission.rao, 4),
          r.permit ? '✓' : '',
          String(r.blocksSinceUpdate),
          axonText(r.axon),
        ]),
      ),
  );
}

async function subnetsHyperparameters(cli: Cli, o: { netuid: string }): Promise<number> {
  const netuid = parseNetuid(o.netuid);
  const st = await cli.connect();
  await existingSubnet(st, netuid);
  const hp = (await st.hyperparameters(netuid)) ?? [];
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
  const hot = o.hotkeyAddress ?? cli.wallet().hotkeyPub().ss58Address;
  await cli.confirm(`Register a subnet for ${cost.format(4)} (locked); ${hot} becomes its owner hotkey, uid 0`);
  const key = await cli.coldkey(o.uri);
  const r = await withSpinner('registering subnet', () =>
    st.registerNetwork(keypairSigner(key), hot, o.name === undefined ? undefined : { name: o.name }),
  );
  const added = r.events.find((e) => e.name === 'NetworkAdded')?.data;
  const netuid = added?.netuid ?? null;
  const lock = new Tao(BigInt(String(added?.lockCost ?? cost.rao)));
  return cli.reportTx(
    r,
    {
      title: 'subnets create',
      done: () => `subnet ${String(netuid)} registered: locked ${lock.format(4)}; your hotkey ${hot} is uid 0`,
    },
    { netuid, lockCost: lock, ownerHotkey: hot, ownerUid: 0 },
  );
}

async function subnetsStart(cli: Cli, o: { netuid: string; uri?: string }): Promise<number> {
  const netuid = parseNetuid(o.netuid);
  const st = await cli.connect();
  await existingSubnet(st, netuid);
  const r = await withSpinner('starting', async () => st.startCall(keypairSigner(await cli.coldkey(o.uri)), netuid));
  return cli.reportTx(r, `subnet ${netuid} started`);
}

/** A hotkey that already has a uid gets that said plainly, before any fee. */
async function refuseRegistered(st: Subtensor, netuid: number, hot: string): Promise<void> {
  const uid = await st.uidOf(netuid, hot);
  if (uid !== null)
    throw new SdkError(
      'HotKeyAlreadyRegisteredInSubNet',
      `${hot} is already registered on subnet ${netuid} as uid ${uid}`,
      'nothing to do; to register another, create a hotkey (`taonet wallet new-hotkey --hotkey <name>`) and pass --hotkey <name>',
    );
}

async function subnetsRegister(
  cli: Cli,
  o: { netuid: string; uri?: string; hotkeyAddress?: string; maxPrice?: string },
): Promise<number> {
  const netuid = parseNetuid(o.netuid);
  const maxPrice = o.maxPrice === undefined ? undefined : parseTao(o.maxPrice, '--max-price');
  const st = await cli.connect();
  if (netuid !== 0) await existingSubnet(st, netuid);
  const hot = o.hotkeyAddress ?? cli.wallet().hotkeyPub().ss58Address;
  await refuseRegistered(st, netuid, hot);
  const price = (await st.registrationPrices()).neuron[netuid];
  await cli.confirm(`Register ${hot} on subnet ${netuid} for ${price?.format(6) ?? 'the root rules'}`);
  const key = await cli.coldkey(o.uri);
  const r = await withSpinner('registering', () => st.register(keypairSigner(key), netuid, hot, maxPrice));
  const uid = r.events.find((e) => e.name === 'NeuronRegistered')?.data.uid ?? null;
  const done = () => `registered ${hot} as uid ${String(uid)} on subnet ${netuid}`;
  return cli.reportTx(r, { title: 'subnets register', done }, { uid });
}

async function subnetsSet(
  cli: Cli,
  o: { netuid: string; param: string; value: string; uri?: string },
): Promise<number> {
  const st = await cli.connect();
  const current = await st.hyperparameter(parseNetuid(o.netuid), o.param);
  let value = parseValue(o.value);
  if (typeof current === 'string' && /^\d+$/.test(current) && typeof value === 'number') value = BigInt(value);
  const r = await st.setHyperparameter(keypairSigner(await cli.coldkey(o.uri)), parseNetuid(o.netuid), o.param, value);
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
      description: 'the metagraph table of a subnet (or of one of its mechanisms)',
      options: [
        { flags: '--netuid <n>', description: 'subnet id', required: true },
        { flags: '--mecid <n>', description: 'mechanism: its incentive, weights and last updates (default 0)' },
      ],
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
    subnetsMechanismsCommand,
  ],
};
