/**
 * The framework end to end with the template subnet: a real node, a miner serving an axon, a
 * validator querying it through the dendrite and setting weights; the miner earns incentive and
 * the validator dividends. Scores are kept per hotkey on disk and survive a restart.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNode, devChainSpec, devKeypair, initCrypto, type RunningNode } from '@taonet/node';
import { keypairFromUri, keypairSigner, Metagraph, Subtensor, Tao } from '@taonet/sdk';
import { loadConfig } from '@taonet/subnet-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TemplateMiner } from '../src/miner.js';
import { TemplateValidator } from '../src/validator.js';

let node: RunningNode;
let st: Subtensor;
let sealing: ReturnType<typeof setInterval>;
const state = mkdtempSync(join(tmpdir(), 'taonet-template-'));

beforeAll(async () => {
  await initCrypto();
  node = await createNode({
    spec: devChainSpec(250),
    basePath: null,
    authorityKey: devKeypair('//Alice'),
    manualSeal: true,
    rpc: { port: 0 },
  });
  sealing = setInterval(() => node.producer?.advance(1), 60);
  st = await Subtensor.connect(node.rpcUrl.replace('http', 'ws'));
});

afterAll(async () => {
  clearInterval(sealing);
  st?.close();
  await node?.close();
});

describe('template subnet on the framework', () => {
  it('miner earns incentive, validator dividends; scores persist by hotkey', async () => {
    const owner = keypairSigner(keypairFromUri('//tpl-owner'));
    const alice = keypairSigner(keypairFromUri('//Alice'));
    await st.transfer(alice, keypairFromUri('//tpl-owner').ss58Address, Tao.of('1000'));
    const r = await st.registerNetwork(owner, keypairFromUri('//tpl-owner-hot').ss58Address);
    const netuid = r.events.find((e) => e.name === 'NetworkAdded')?.data.netuid as number;
    expect((await st.startCall(owner, netuid)).ok).toBe(true);
    expect((await st.register(owner, netuid, keypairFromUri('//tpl-miner').ss58Address)).ok).toBe(true);
    expect((await st.register(owner, netuid, keypairFromUri('//tpl-validator').ss58Address)).ok).toBe(true);
    const staked = await st.addStake(owner, {
      hotkey: keypairFromUri('//tpl-validator').ss58Address,
      netuid,
      amount: Tao.of('1'),
      tolerance: 9,
    });
    expect(staked.result.ok, staked.result.explanation).toBe(true);

    const ws = node.rpcUrl.replace('http', 'ws');
    const common = ['--network', ws, '--netuid', String(netuid), '--state-dir', state, '--log-level', 'warn'];
    const miner = new TemplateMiner(
      loadConfig([...common, '--hotkey-uri', '//tpl-miner', '--axon-port', '0', '--metrics-port', '0']),
    );
    const validator = new TemplateValidator(
      loadConfig([...common, '--hotkey-uri', '//tpl-validator', '--metrics-port', '0']),
    );
    await miner.start();
    await validator.start();
    const mg = new Metagraph(st, netuid);
    const minerUid = 1;
    const validatorUid = 2;
    let paid = false;
    for (let i = 0; i < 150 && !paid; i++) {
      await new Promise((ok) => setTimeout(ok, 100));
      await mg.sync();
      paid = (mg.incentive[minerUid] ?? 0) > 0 && (mg.dividends[validatorUid] ?? 0) > 0;
    }
    expect(paid).toBe(true);
    expect(mg.axons[minerUid]?.port).toBeGreaterThan(0);

    // Both neurons report what they did on /metrics.
    const scrape = async (port: number | null): Promise<string> => {
      const res = await fetch(`http://127.0.0.1:${port}/metrics`, { signal: AbortSignal.timeout(10_000) });
      expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      return res.text();
    };
    const value = (text: string, sample: string): number => {
      const line = text.split('\n').find((l) => l.startsWith(`${sample} `));
      expect(line, `${sample} in\n${text}`).toBeDefined();
      return Number((line as string).slice(sample.length + 1));
    };
    const minerText = await scrape(miner.metricsPort);
    expect(value(minerText, 'taonet_neuron_uid')).toBe(minerUid);
    expect(value(minerText, 'taonet_axon_responses_total{status="200"}')).toBeGreaterThan(0);
    expect(value(minerText, 'taonet_neuron_registered')).toBe(1);
    const validatorText = await scrape(validator.metricsPort);
    expect(value(validatorText, 'taonet_validator_weight_submissions_total{outcome="ok"}')).toBeGreaterThan(0);
    expect(value(validatorText, 'taonet_validator_round_observed')).toBeGreaterThan(0);
    expect(value(validatorText, 'taonet_validator_scored_hotkeys')).toBeGreaterThan(0);
    expect(value(validatorText, 'taonet_validator_last_weights_block')).toBeGreaterThan(0);
    const scoreFile = join(state, `scores-${netuid}-${keypairFromUri('//tpl-validator').ss58Address}.json`);
    expect(existsSync(scoreFile)).toBe(true);
    const saved = JSON.parse(readFileSync(scoreFile, 'utf8')) as Record<string, { score: number }>;
    expect(saved[keypairFromUri('//tpl-miner').ss58Address]?.score).toBeGreaterThan(0);
    await validator.stop();
    // A restarted validator starts from its saved scores.
    const again = new TemplateValidator(loadConfig([...common, '--hotkey-uri', '//tpl-validator']));
    await again.start();
    expect(again.scores.get(keypairFromUri('//tpl-miner').ss58Address)).toBeGreaterThan(0);
    await again.stop();
    await miner.stop();
  }, 120_000);
});
