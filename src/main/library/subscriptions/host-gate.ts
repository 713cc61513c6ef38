/**
 * One request at a time per host, and a minimum pause between requests to hosts that ask for one
 * (the arXiv API: 3 s). Shared by every fetch of one process, scheduled or by hand.
 */
export class HostGate {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly lastFinished = new Map<string, number>();

  private readonly sleep: (ms: number) => Promise<void>;

  constructor(sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms))) {
    this.sleep = sleep;
  }

  async run<T>(host: string, minIntervalMs: number, request: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(host) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => mine);
    this.tails.set(host, tail);
    await previous;
    try {
      const since = Date.now() - (this.lastFinished.get(host) ?? Number.NEGATIVE_INFINITY);
      if (since < minIntervalMs) await this.sleep(minIntervalMs - since);
      return await request();
    } finally {
      this.lastFinished.set(host, Date.now());
      release();
      if (this.tails.get(host) === tail) this.tails.delete(host);
    }
  }
}
