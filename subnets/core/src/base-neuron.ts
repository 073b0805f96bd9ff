/**
 * What every neuron shares: its keys, a client connection, the subnet's metagraph kept in sync,
 * and a loop driven by new blocks. Subclasses implement `onBlock`.
 */
import { type Keypair, keypairFromUri, Metagraph, Subtensor, Wallet } from '@taonet/sdk';
import type { Server } from 'node:http';
import type { NeuronConfig } from './config.js';
import { createLogger, type Logger } from './log.js';
import { type Sample, serveMetrics } from './metrics.js';

export abstract class BaseNeuron {
  subtensor!: Subtensor;
  metagraph!: Metagraph;
  hotkey!: Keypair;
  readonly log: Logger;
  block = 0n;
  private unsubscribe: (() => Promise<void>) | null = null;
  private metricsServer: Server | null = null;
  /** The port `/metrics` is served on (after `connect`), or null when off. */
  metricsPort: number | null = null;
  private busy = false;
  private stopped = false;

  constructor(
    readonly config: NeuronConfig,
    readonly name: string,
  ) {
    this.log = createLogger(name, config.logLevel);
  }

  protected async loadHotkey(): Promise<Keypair> {
    if (this.config.hotkeyUri !== undefined) return keypairFromUri(this.config.hotkeyUri);
    const w = new Wallet({
      name: this.config.walletName,
      hotkey: this.config.hotkey,
      ...(this.config.walletPath === undefined ? {} : { path: this.config.walletPath }),
    });
    return w.hotkey({ env: 'TAONET_PASSWORD' });
  }

  /** Connects, loads keys and syncs the metagraph; warns (with the fix) if not registered. */
  async connect(): Promise<void> {
    this.hotkey = await this.loadHotkey();
    this.subtensor = await Subtensor.connect(this.config.network, {
      onStatus: (s) => {
        if (s === 'disconnected') this.log.warn('disconnected from the node — retrying');
        if (s === 'connected' && this.subtensor !== undefined) this.log.info('connected to the node');
      },
    });
    this.metagraph = new Metagraph(this.subtensor, this.config.netuid);
    await this.metagraph.sync();
    if (this.config.metricsPort !== null) await this.startMetrics(this.config.metricsPort);
    if (!this.metagraph.isRegistered(this.hotkey.ss58Address)) {
      this.log.warn('hotkey not registered on this subnet', {
        hotkey: this.hotkey.ss58Address,
        hint: `taonet subnets register --netuid ${this.config.netuid}`,
      });
    }
  }

  private async startMetrics(wanted: number): Promise<void> {
    const { server, port } = await serveMetrics(this.config.metricsIp, wanted, () => this.metrics());
    this.metricsServer = server;
    this.metricsPort = port;
    this.log.info('metrics served', { url: `http://${this.config.metricsIp}:${port}/metrics` });
  }

  /** What `/metrics` reports; subclasses add their own samples to these. */
  protected metrics(): Sample[] {
    const mg = this.metagraph;
    const uid = this.uid;
    const g = (name: string, help: string, value: number | bigint): Sample => ({ name, help, kind: 'gauge', value });
    const out: Sample[] = [
      g('taonet_neuron_block', 'Latest chain head this neuron has seen.', this.block),
      g('taonet_neuron_metagraph_block', 'Block of the last metagraph sync.', mg.block),
      g(
        'taonet_neuron_metagraph_lag_blocks',
        'Blocks between the head and the last metagraph sync.',
        this.block > mg.block ? this.block - mg.block : 0n,
      ),
      g('taonet_neuron_registered', '1 when the hotkey holds a uid on the subnet.', uid === null ? 0 : 1),
    ];
    if (uid !== null) {
      const lastUpdate = mg.lastUpdate[uid] ?? 0n;
      out.push(
        g('taonet_neuron_uid', 'The uid of this hotkey.', uid),
        g('taonet_neuron_stake_rao', 'Total stake on this hotkey, in rao.', mg.totalStake[uid] ?? 0n),
        g('taonet_neuron_incentive', 'Incentive share (u16, of 65535).', mg.incentive[uid] ?? 0),
        g('taonet_neuron_dividends', 'Dividends share (u16, of 65535).', mg.dividends[uid] ?? 0),
        g('taonet_neuron_validator_trust', 'Validator trust, vtrust (u16, of 65535).', mg.validatorTrust[uid] ?? 0),
        g('taonet_neuron_emission_rao', 'Emission in the last epoch, in rao.', mg.emission[uid] ?? 0n),
        g(
          'taonet_neuron_blocks_since_update',
          'Blocks since this uid last set weights (its "updated").',
          mg.block > lastUpdate ? mg.block - lastUpdate : 0n,
        ),
      );
    }
    return out;
  }

  get uid(): number | null {
    return this.metagraph.uidOf(this.hotkey.ss58Address);
  }

  /** Runs `onBlock` for every new head (skipping heads that arrive while one is still running). */
  async run(): Promise<void> {
    this.unsubscribe = await this.subtensor.onNewHead((h) => {
      if (this.busy || this.stopped) return;
      this.busy = true;
      this.block = h.number;
      this.onBlock(h.number)
        .catch((e: unknown) => this.log.warn('block handler failed', { error: (e as Error).message }))
        .finally(() => {
          this.busy = false;
        });
    });
  }

  protected abstract onBlock(block: bigint): Promise<void>;

  async stop(): Promise<void> {
    this.stopped = true;
    await this.unsubscribe?.();
    this.subtensor?.close();
    const server = this.metricsServer;
    this.metricsServer = null;
    if (server !== null)
      await new Promise<void>((r) => {
        server.close(() => r());
        // A scraper's keep-alive connection must not hold the shutdown open.
        server.closeAllConnections();
      });
  }
}
