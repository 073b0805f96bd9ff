/** The Prometheus text the neurons serve, and the endpoint itself. */
import { describe, expect, it } from 'vitest';
import { renderPrometheus, serveMetrics } from '../src/metrics.js';
import { loadConfig } from '../src/config.js';

describe('renderPrometheus', () => {
  it('groups samples by name under one HELP and TYPE, and escapes label values', () => {
    const text = renderPrometheus([
      { name: 'a_total', help: 'A things.', kind: 'counter', value: 3, labels: { status: '200' } },
      { name: 'b', help: 'B.', kind: 'gauge', value: 12345678901234567890n },
      { name: 'a_total', help: 'A things.', kind: 'counter', value: 1, labels: { status: 'say "hi"\\\n' } },
    ]);
    expect(text).toBe(
      [
        '# HELP a_total A things.',
        '# TYPE a_total counter',
        'a_total{status="200"} 3',
        'a_total{status="say \\"hi\\"\\\\\\n"} 1',
        '# HELP b B.',
        '# TYPE b gauge',
        'b 12345678901234567890',
        '',
      ].join('\n'),
    );
  });
});

describe('serveMetrics', () => {
  it('serves GET /metrics, 404 elsewhere, and 500 when collecting fails', async () => {
    let fail = false;
    const { server, port } = await serveMetrics('127.0.0.1', 0, () => {
      if (fail) throw new Error('no metagraph yet');
      return [{ name: 'x', help: 'X.', kind: 'gauge', value: 7 }];
    });
    try {
      const ok = await fetch(`http://127.0.0.1:${port}/metrics`);
      expect(ok.status).toBe(200);
      expect(await ok.text()).toContain('\nx 7\n');
      expect((await fetch(`http://127.0.0.1:${port}/other`)).status).toBe(404);
      fail = true;
      const bad = await fetch(`http://127.0.0.1:${port}/metrics`);
      expect(bad.status).toBe(500);
      expect(await bad.text()).toMatch(/no metagraph yet/);
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });

  it('is off unless --metrics-port is given; 0 picks a free port', () => {
    expect(loadConfig(['--netuid', '1']).metricsPort).toBeNull();
    expect(loadConfig(['--netuid', '1', '--metrics-port', '0']).metricsPort).toBe(0);
    expect(loadConfig(['--netuid', '1', '--metrics-port', '9100', '--metrics-ip', '0.0.0.0'])).toMatchObject({
      metricsPort: 9100,
      metricsIp: '0.0.0.0',
    });
    expect(() => loadConfig(['--netuid', '1', '--metrics-port', 'x'])).toThrow(/metrics-port/);
  });
});
