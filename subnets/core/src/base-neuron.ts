/**
 * What every neuron shares: its keys, a client connection, the subnet's metagraph kept in sync,
 * and a loop driven by new blocks. Subclasses implement `onBlock`.
 */
import { type Keypair, keypairFromUri, Metagraph, Subtensor, Wallet } from '@taonet/sdk';
import type { NeuronConfig } from './config.js';
import { createLogger, type Logger } from './log.js';

export abstract class BaseNeuron {
  subtensor!: Subtensor;
  metagraph!: Metagraph;
  hotkey!: Keypair;
  readonly log: Logger;
  block = 0n;
  private unsubscribe: (() => Promise<void>) | null = null;
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
    if (!this.metagraph.isRegistered(this.hotkey.ss58Address)) {
      this.log.warn('hotkey not registered on this subnet', {
        hotkey: this.hotkey.ss58Address,
        hint: `taonet subnets register --netuid ${this.config.netuid}`,
      });
    }
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
  }
}
