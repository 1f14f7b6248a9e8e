/** A clock tests move by hand: the server's delayed transitions and expiries follow it, not real time. */
export class TestClock {
  private time: number;

  constructor(start = '2026-03-02T09:00:00.000Z') {
    this.time = Date.parse(start);
  }

  readonly now = (): Date => new Date(this.time);

  advance(ms: number): void {
    this.time += ms;
  }
}
