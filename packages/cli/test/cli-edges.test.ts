/**
 * What a newcomer ran into at the CLI's edges (issue 12), each against a real dev node and a real
 * `taonet` process with no terminal: money never moves without consent, bad input stops at the
 * edge with a typed hint, amounts carry their units, one error name per fault.
 */
import { keypairFromUri, Subtensor } from '@taonet/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DevNode, freshHome, taonetIn } from './utils/dev-node.js';
import { startDevNode } from './utils/dev-node.js';

let node: DevNode;
let home = '';
let netuid = '';
const ALICE_HOT = keypairFromUri('//Alice//hot').ss58Address;
const STRANGER = keypairFromUri('//Stranger').ss58Address;

const taonet = (...args: string[]) => taonetIn(node.ws, home, args);
async function json(...args: string[]): Promise<Record<string, unknown>> {
  const r = await taonet(...args, '--json');
  return { ...(JSON.parse(r.stdout) as Record<string, unknown>), exitCode: r.code };
}
async function freeOf(address: string): Promise<bigint> {
  const st = await Subtensor.connect(node.ws);
  try {
    return (await st.balance(address)).rao;
  } finally {
    st.close();
  }
}

beforeAll(async () => {
  node = await startDevNode();
  home = freshHome();
  const created = await json('subnets', 'create', '--uri', '//Alice', '--hotkey-address', ALICE_HOT, '-y');
  expect(created.success, JSON.stringify(created)).toBe(true);
  netuid = String(created.netuid);
  expect((await json('subnets', 'start', '--netuid', netuid, '--uri', '//Alice', '-y')).success).toBe(true);
}, 90_000);

afterAll(() => node?.stop());

describe('consent before funds move', () => {
  it('no terminal and no -y: refused with a typed error and a hint; nothing sent (even when "n" is piped)', async () => {
    const before = await freeOf(STRANGER);
    const r = await taonetIn(
      node.ws,
      home,
      ['wallet', 'transfer', '--uri', '//Alice', '--dest', STRANGER, '--amount', '1'],
      'n\n',
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/✗ ConfirmationRequired: .*no terminal/);
    expect(r.stderr).toMatch(/hint: pass -y/);
    const staked = await taonet(
      'stake',
      'add',
      '--uri',
      '//Alice',
      '--netuid',
      netuid,
      '--amount',
      '0.01',
      '--hotkey-address',
      ALICE_HOT,
    );
    expect(staked.code).toBe(1);
    expect(staked.stderr).toMatch(/ConfirmationRequired/);
    expect(await freeOf(STRANGER)).toBe(before);
  }, 60_000);
});

describe('input checked at the edge', () => {
  it.each([
    [['--amount', '-5'], 'InvalidAmount', /--amount -5 is negative/],
    [['--amount', 'abc'], 'InvalidAmount', /'abc' is not an amount/],
    [['--amount', '0'], 'InvalidAmount', /moves nothing/],
    [['--netuid', 'one'], 'InvalidNetuid', /--netuid one is not a subnet id/],
    [['--netuid', '-1'], 'InvalidNetuid', /--netuid -1/],
    [['--tolerance', '-0.1'], 'InvalidTolerance', /--tolerance -0.1/],
  ])(
    'stake add %j → %s with a hint',
    async (flags, code, explanation) => {
      const args = [
        'stake',
        'add',
        '--uri',
        '//Alice',
        '--netuid',
        netuid,
        '--amount',
        '1',
        '--tolerance',
        '0.05',
        '--hotkey-address',
        ALICE_HOT,
        '-y',
      ];
      for (let i = 0; i < flags.length; i += 2) args[args.indexOf(flags[i] as string) + 1] = flags[i + 1] as string;
      const r = await json(...args);
      expect(r.exitCode).toBe(1);
      expect(r.code).toBe(code);
      expect(String(r.explanation)).toMatch(explanation);
      expect(String(r.hint ?? '')).not.toBe('');
    },
    30_000,
  );

  it('a missing subnet is SubnetNotExists for every command', async () => {
    for (const args of [
      ['subnets', 'metagraph', '--netuid', '99'],
      ['subnets', 'show', '--netuid', '99'],
      ['subnets', 'hyperparameters', '--netuid', '99'],
      ['subnets', 'register', '--netuid', '99', '--uri', '//Alice', '--hotkey-address', ALICE_HOT, '-y'],
      ['subnets', 'start', '--netuid', '99', '--uri', '//Alice', '-y'],
      ['stake', 'add', '--netuid', '99', '--amount', '1', '--uri', '//Alice', '--hotkey-address', ALICE_HOT, '-y'],
      ['stake', 'remove', '--netuid', '99', '--amount', '1', '--uri', '//Alice', '--hotkey-address', ALICE_HOT, '-y'],
    ]) {
      const r = await json(...args);
      expect(r.code, args.join(' ')).toBe('SubnetNotExists');
      expect(r.exitCode).toBe(1);
    }
  }, 60_000);

  it('stake remove of more than is held fails NotEnoughStakeToWithdraw instead of clamping', async () => {
    const r = await json(
      'stake',
      'remove',
      '--uri',
      '//Alice',
      '--netuid',
      netuid,
      '--amount',
      '100',
      '--hotkey-address',
      STRANGER,
      '-y',
    );
    expect(r.code).toBe('NotEnoughStakeToWithdraw');
    expect(String(r.hint)).toMatch(/--all/);
  }, 30_000);

  it('an invalid address has one hint, without a second "Hint:"', async () => {
    const r = await taonet('wallet', 'transfer', '--uri', '//Alice', '--dest', '5NotAnAddress', '--amount', '1', '-y');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/InvalidAddress/);
    expect(r.stderr).not.toMatch(/Hint:/);
  });

  it('a hotkey the chain does not know is named as the user typed it, not as 0x hex', async () => {
    const r = await taonet(
      'stake',
      'add',
      '--uri',
      '//Alice',
      '--netuid',
      netuid,
      '--amount',
      '0.01',
      '--hotkey-address',
      STRANGER,
      '-y',
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/HotKeyAccountNotExists/);
    expect(r.stderr).toContain(STRANGER);
    expect(r.stderr).not.toMatch(/0x[0-9a-f]{64}/);
  }, 30_000);

  it('bare `wallet balance` with no default wallet lists the wallets there and names --wallet-name', async () => {
    const h = freshHome();
    await taonetIn(node.ws, h, ['wallet', 'create', '--wallet-name', 'alpha', '--no-password']);
    await taonetIn(node.ws, h, ['wallet', 'create', '--wallet-name', 'beta', '--no-password']);
    const r = await taonetIn(node.ws, h, ['wallet', 'balance']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/WalletNotFound/);
    expect(r.stderr).toMatch(/alpha, beta/);
    expect(r.stderr).toMatch(/--wallet-name/);
  }, 30_000);
});

describe('registration', () => {
  it('subnets create reports the lock it took; registering the owner hotkey again says its uid, with a hint', async () => {
    const created = await json(
      'subnets',
      'create',
      '--uri',
      '//Bob',
      '--hotkey-address',
      keypairFromUri('//Bob//hot').ss58Address,
      '-y',
    );
    expect(created.lockCost).toMatchObject({ unit: 'TAO', tao: '10' });
    const r = await taonet(
      'subnets',
      'register',
      '--netuid',
      netuid,
      '--uri',
      '//Alice',
      '--hotkey-address',
      ALICE_HOT,
      '-y',
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/HotKeyAlreadyRegisteredInSubNet: .* as uid 0/);
    expect(r.stderr).not.toMatch(/uid \?/);
    expect(r.stderr).toMatch(/hint: .*new-hotkey/);
  }, 30_000);
});

describe('amounts with units', () => {
  it('--json: exact integers with their unit; priceImpactRatio; a partial fill says what filled and what came back', async () => {
    const r = await json(
      'stake',
      'add',
      '--uri',
      '//Alice',
      '--netuid',
      netuid,
      '--amount',
      '5',
      '--tolerance',
      '0.05',
      '--partial',
      '--hotkey-address',
      ALICE_HOT,
      '-y',
    );
    expect(r.success, JSON.stringify(r)).toBe(true);
    const quote = r.quote as Record<string, unknown>;
    expect(quote).toHaveProperty('priceImpactRatio');
    expect(quote).not.toHaveProperty('priceImpact');
    expect(quote.amountIn).toMatchObject({ unit: 'TAO', rao: '5000000000' });
    expect(quote.priceBefore).toMatchObject({ unit: 'TAO/alpha' });
    const fill = r.fill as {
      staked: { rao: string };
      refunded: { rao: string; unit: string };
      received: { unit: string };
      partial: boolean;
    };
    expect(fill.partial).toBe(true);
    expect(BigInt(fill.staked.rao) + BigInt(fill.refunded.rao)).toBe(5_000_000_000n);
    expect(fill.refunded.unit).toBe('TAO');
    expect(fill.received.unit).toBe('alpha');
  }, 30_000);

  it('subnets show --json: the price and the pool with their units', async () => {
    const r = await json('subnets', 'show', '--netuid', netuid);
    expect(r.price).toMatchObject({ unit: 'TAO/alpha', netuid: Number(netuid) });
    expect(r.taoIn).toMatchObject({ unit: 'TAO' });
    expect(r.alphaIn).toMatchObject({ unit: 'alpha', netuid: Number(netuid) });
  }, 30_000);

  it('a refusal carries its exact amounts in data, its hint in τ', async () => {
    const r = await json('wallet', 'transfer', '--uri', '//Alice', '--dest', STRANGER, '--amount', '999999999', '-y');
    expect(r.success).toBe(false);
    expect(String(r.hint)).toMatch(/τ[\d,.]+/);
    expect(String(r.hint)).not.toMatch(/rao/);
    const amounts = (r.data as { amounts: Record<string, { unit: string; rao: string }> }).amounts;
    expect(amounts.needed).toMatchObject({ unit: 'TAO', rao: '999999999000000000' });
  }, 30_000);

  it('the metagraph names its units and "blocks since update"', async () => {
    const r = await taonet('subnets', 'metagraph', '--netuid', netuid);
    expect(r.code).toBe(0);
    const header = r.stdout.split('\n')[0] as string;
    expect(header).toMatch(/stake \(\S+\)/);
    expect(header).toMatch(/emission \(\S+\)/);
    expect(header).toMatch(/blocks since update/);
    expect(r.stdout).not.toMatch(/0\.0\.0\.0:/);
  }, 30_000);
});

describe('help', () => {
  it('a subcommand’s --help shows the global options', async () => {
    const r = await taonet('stake', 'add', '--help');
    expect(r.stdout).toMatch(/Global Options/);
    for (const flag of ['--wallet-name', '--json', '-y, --no-prompt', '--network']) expect(r.stdout).toContain(flag);
  });
});
