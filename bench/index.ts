/** `npm run bench -- <name>`: prints figures; the last line is the key figure. */
import { benchBlock } from './block.bench.js';
import { benchAxon } from './axon.bench.js';
import { benchAxonFlood } from './axon-flood.bench.js';
import { benchCompat } from './compat.bench.js';
import { benchEpoch } from './epoch.bench.js';
import { benchNode } from './node.bench.js';
import { benchShield } from './shield.bench.js';
import { benchSim } from './sim.bench.js';

const BENCHES: Record<string, () => void | Promise<void>> = {
  axon: benchAxon,
  'axon-flood': benchAxonFlood,
  compat: benchCompat,
  epoch: benchEpoch,
  block: benchBlock,
  node: benchNode,
  shield: benchShield,
  sim: benchSim,
};

const name = process.argv.slice(2).find((a) => a !== '--');
const bench = name === undefined ? undefined : BENCHES[name];
if (bench === undefined) {
  console.error(`usage: npm run bench -- <${Object.keys(BENCHES).join('|')}>`);
  process.exitCode = 2;
} else {
  await bench();
}
