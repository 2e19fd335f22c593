/**
 * Measures how long the extension host's thread is blocked: a timer that should fire every TICK_MS notes by
 * how much it was late. Everything in the extension host (the extension, VS Code's own ext-host code, this
 * bench) shares one thread, so the longest delay is the longest time typing or scrolling could not be served.
 */
const TICK_MS = 5;

export class BlockMonitor {
  private timer: NodeJS.Timeout | undefined;
  private last = 0;
  private worst = 0;

  start(): void {
    this.stop();
    this.worst = 0;
    this.last = performance.now();
    this.timer = setInterval(() => {
      const now = performance.now();
      this.worst = Math.max(this.worst, now - this.last - TICK_MS);
      this.last = now;
    }, TICK_MS);
  }

  /** Stops and returns the longest block seen (ms), including one still running at this call. */
  stop(): number {
    if (this.timer !== undefined) {
      clearInterval(this.timer);
      this.timer = undefined;
      this.worst = Math.max(this.worst, performance.now() - this.last - TICK_MS);
    }
    return Math.max(0, this.worst);
  }
}
