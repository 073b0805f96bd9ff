/**
 * Neuron configuration from command-line flags, then environment variables, then defaults:
 * `--network` / TAONET_NETWORK, `--netuid` / TAONET_NETUID, `--wallet-name`, `--wallet-path`,
 * `--hotkey`, `--hotkey-uri` (dev keys), `--axon-port`, `--axon-ip`, `--external-ip`,
 * `--state-dir`, `--log-level`, `--metrics-port` (absent: no endpoint; 0: any free port), `--metrics-ip`.
 */
export interface NeuronConfig {
  readonly network: string;
  readonly netuid: number;
  readonly walletName: string;
  readonly walletPath: string | undefined;
  readonly hotkey: string;
  /** A dev URI (e.g. //miner-1) used instead of the wallet files: local networks only. */
  readonly hotkeyUri: string | undefined;
  readonly coldkeyUri: string | undefined;
  readonly axonPort: number;
  readonly axonIp: string;
  readonly externalIp: string;
  /** Where validators keep their scores between restarts. */
  readonly stateDir: string;
  readonly logLevel: 'debug' | 'info' | 'warn';
  /** Port of the Prometheus `/metrics` endpoint (0: any free one); null (the default) serves none. */
  readonly metricsPort: number | null;
  readonly metricsIp: string;
  /** Extra subnet-specific flags, as given. */
  readonly extra: Readonly<Record<string, string>>;
}

function parseArgs(argv: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (!a.startsWith('--')) continue;
    const eq = a.indexOf('=');
    if (eq > 0) out[a.slice(2, eq)] = a.slice(eq + 1);
    else {
      const next = argv[i + 1];
      if (next !== undefined && !next.startsWith('--')) {
        out[a.slice(2)] = next;
        i++;
      } else out[a.slice(2)] = 'true';
    }
  }
  return out;
}

const envName = (flag: string): string => `TAONET_${flag.toUpperCase().replaceAll('-', '_')}`;

export function loadConfig(argv: readonly string[] = process.argv.slice(2), env = process.env): NeuronConfig {
  const args = parseArgs(argv);
  const get = (flag: string): string | undefined => args[flag] ?? env[envName(flag)];
  const num = (flag: string, fallback: number): number => {
    const v = get(flag);
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${flag} must be a non-negative integer, got '${v}'`);
    return n;
  };
  const netuid = get('netuid');
  if (netuid === undefined) throw new Error('--netuid is required (or TAONET_NETUID)');
  const known = new Set([
    'network',
    'netuid',
    'wallet-name',
    'wallet-path',
    'hotkey',
    'hotkey-uri',
    'coldkey-uri',
    'axon-port',
    'axon-ip',
    'external-ip',
    'state-dir',
    'log-level',
    'metrics-port',
    'metrics-ip',
  ]);
  const extra: Record<string, string> = {};
  for (const [k, v] of Object.entries(args)) if (!known.has(k)) extra[k] = v;
  const level = get('log-level') ?? 'info';
  if (level !== 'debug' && level !== 'info' && level !== 'warn')
    throw new Error('--log-level must be debug, info or warn');
  return {
    network: get('network') ?? 'ws://127.0.0.1:9944',
    netuid: num('netuid', 0),
    walletName: get('wallet-name') ?? 'default',
    walletPath: get('wallet-path'),
    hotkey: get('hotkey') ?? 'default',
    hotkeyUri: get('hotkey-uri'),
    coldkeyUri: get('coldkey-uri'),
    axonPort: num('axon-port', 8091),
    axonIp: get('axon-ip') ?? '127.0.0.1',
    // The chain refuses loopback axon addresses (as the reference does) but accepts 0.0.0.0, which
    // dendrites on the same machine reach over loopback: the right default for local networks.
    externalIp:
      get('external-ip') ?? (/^127\./.test(get('axon-ip') ?? '127.0.0.1') ? '0.0.0.0' : (get('axon-ip') as string)),
    stateDir: get('state-dir') ?? '.taonet/neuron',
    logLevel: level,
    metricsPort: get('metrics-port') === undefined ? null : num('metrics-port', 0),
    metricsIp: get('metrics-ip') ?? '127.0.0.1',
    extra,
  };
}
