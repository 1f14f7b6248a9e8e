/** One number `npm run bench` prints. */
export interface BenchFigure {
  name: string;
  value: number;
  unit: string;
}
