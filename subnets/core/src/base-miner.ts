/**
 * A miner: an axon serving the subnet's synapses, advertised on chain. The axon checks every
 * request's signature, refuses replays, and by default serves only registered validators with a
 * permit, giving priority by stake; a subnet attaches its handlers in `attach`.
 */
import { Axon, type AxonLimits, type AxonOptions, Dendrite, keypairSigner, type Synapse } from '@taonet/sdk';
import { BaseNeuron } from './base-neuron.js';
import type { Sample } from './metrics.js';
import type { NeuronConfig } from './config.js';

/**
 * The options a miner's axon gets: its address from the config, the flood limits from the SDK's
 * defaults (`DEFAULT_AXON_LIMITS`) unless a subnet overrides some in `axonLimits`.
 */
export function minerAxonOptions(
  base: Pick<AxonOptions, 'keypair' | 'port' | 'ip' | 'externalIp' | 'metagraph'>,
  open: boolean,
  limits: Partial<AxonLimits> = {},
): AxonOptions {
  return { ...limits, ...base, ...(open ? { open: true } : {}) };
}

export abstract class BaseMiner extends BaseNeuron {
  axon!: Axon;
  private relayDendrite: Dendrite | null = null;

  constructor(config: NeuronConfig, name = 'miner') {
    super(config, name);
  }

  /** Attach the subnet's synapse handlers to the axon. */
  protected abstract attach(axon: Axon): void;

  /** Whether the axon serves callers without a validator permit (local testing). */
  protected openAxon(): boolean {
    return this.config.extra.open === 'true';
  }

  /** Flood limits that differ from the SDK's defaults (none by default: every miner gets the same). */
  protected axonLimits(): Partial<AxonLimits> {
    return {};
  }

  async start(): Promise<void> {
    await this.connect();
    this.axon = new Axon(
      minerAxonOptions(
        {
          keypair: this.hotkey,
          port: this.config.axonPort,
          ip: this.config.axonIp,
          externalIp: this.config.externalIp,
          metagraph: this.metagraph,
        },
        this.openAxon(),
        this.axonLimits(),
      ),
    );
    this.attach(this.axon);
    const info = await this.axon.start();
    this.log.info('axon listening', { ip: info.ip, port: info.port, ...this.axon.limits });
    // Before advertising: a wrong address is otherwise only noticed when validators stop scoring.
    const probe = await this.axon.checkReachable();
    if (probe.problem !== null)
      this.log.warn('axon self-test failed', { address: probe.address, problem: probe.problem, hint: probe.hint });
    else if (probe.scope === 'public' || probe.scope === 'loopback')
      this.log.info('axon reachable at its advertised address', {
        address: probe.address,
        latencyMs: Math.round(probe.latencyMs),
      });
    else this.log.warn('axon advertises an address other machines cannot dial', { hint: probe.hint });
    await this.advertise(info.ip, info.port);
    await this.run();
  }

  /** Publishes the axon's address on chain unless it is already there. */
  private async advertise(ip: string, port: number): Promise<void> {
    const uid = this.uid;
    const current = uid === null ? null : this.metagraph.axons[uid];
    if (current?.ip === ip && current.port === port) return;
    const r = await this.subtensor.serveAxon(keypairSigner(this.hotkey), { netuid: this.config.netuid, ip, port });
    if (r.ok) this.log.info('axon advertised on chain', { ip, port, block: r.blockNumber });
    else this.log.warn('could not advertise the axon', { code: r.code, explanation: r.explanation, hint: r.hint });
  }

  /**
   * Forwards `synapse` to another miner's axon and returns its answer (null if it did not answer).
   * Only the shipped cheaters use this: a copier is exactly a miner that relays someone else's
   * work, so it inherits that miner's answers, failures and delays.
   */
  protected async relay<S extends Synapse>(victimHotkey: string, synapse: S, timeoutS: number): Promise<S | null> {
    const uid = this.metagraph.uidOf(victimHotkey);
    const a = uid === null ? null : this.metagraph.axons[uid];
    if (a === null || a === undefined) {
      this.log.debug('relay target has no axon', { to: victimHotkey });
      return null;
    }
    this.relayDendrite ??= new Dendrite({ keypair: this.hotkey });
    const r = await this.relayDendrite.call({ ip: a.ip, port: a.port, hotkey: victimHotkey }, synapse, {
      timeout: timeoutS,
    });
    if (!r.isSuccess)
      this.log.debug('relay failed', {
        to: victimHotkey,
        status: r.dendrite.statusCode,
        message: r.dendrite.statusMessage,
      });
    return r.isSuccess ? r : null;
  }

  protected async onBlock(block: bigint): Promise<void> {
    if (block % 5n === 0n) await this.metagraph.sync();
  }

  protected override metrics(): Sample[] {
    const out = super.metrics();
    if (this.axon === undefined) return out;
    for (const [status, n] of Object.entries(this.axon.stats))
      out.push({
        name: 'taonet_axon_responses_total',
        help: 'Answers the axon sent, by status code.',
        kind: 'counter',
        value: n,
        labels: { status },
      });
    out.push({
      name: 'taonet_axon_pending',
      help: 'Requests waiting for verification and a handler slot.',
      kind: 'gauge',
      value: this.axon.pending,
    });
    return out;
  }

  override async stop(): Promise<void> {
    this.relayDendrite?.close();
    await this.axon?.stop();
    await super.stop();
  }
}
