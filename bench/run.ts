import type { BenchFigure } from './figure';
import { benchIpcDispatch } from './ipc-dispatch';
import { benchRenderer } from './renderer';
import { benchReview } from './review';
import { benchSync } from './sync';

/** `npm run bench`: prints every figure and its ratio to the physical limit it is measured against. */
const figures: BenchFigure[] = [...(await benchIpcDispatch()), ...(await benchSync()), ...(await benchReview()), ...(await benchRenderer())];

const width = Math.max(...figures.map((figure) => figure.name.length));
for (const { name, value, unit } of figures) {
  const shown = unit === 'ratio' ? value.toFixed(3) : value >= 100 ? Math.round(value).toLocaleString('en') : value.toFixed(2);
  console.log(`${name.padEnd(width)}  ${shown.padStart(12)} ${unit}`);
}
