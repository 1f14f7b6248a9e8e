import { benchAccessReview } from './access-review';
import { benchCacheRead } from './cache-read';
import type { BenchFigure } from './figure';
import { benchIpcDispatch } from './ipc-dispatch';
import { benchRenderer } from './renderer';
import { benchReview } from './review';
import { benchSync } from './sync';

const benches: Record<string, () => Promise<BenchFigure[]>> = {
  ipc: benchIpcDispatch,
  sync: benchSync,
  'cache-read': benchCacheRead,
  review: benchReview,
  'access-review': benchAccessReview,
  renderer: benchRenderer,
};

/**
 * `npm run bench`: prints every figure and its ratio to the physical limit it is measured against.
 * `npm run bench -- sync renderer` runs only the benches named, to measure one lever at a time.
 */
const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !(name in benches));
if (unknown.length > 0) throw new Error(`unknown bench ${unknown.join(', ')}; known: ${Object.keys(benches).join(', ')}`);
const figures: BenchFigure[] = [];
for (const [name, bench] of Object.entries(benches)) {
  if (asked.length === 0 || asked.includes(name)) figures.push(...(await bench()));
}

const width = Math.max(...figures.map((figure) => figure.name.length));
for (const { name, value, unit } of figures) {
  const shown = unit === 'ratio' ? value.toFixed(3) : value >= 100 ? Math.round(value).toLocaleString('en') : value.toFixed(2);
  console.log(`${name.padEnd(width)}  ${shown.padStart(12)} ${unit}`);
}
