/**
 * Measures how long the extension host's thread is blocked: a timer that should fire every TICK_MS notes by
 * how much it was late. Everything in the extension host (the extension, VS Code's own ext-host code, this
 * bench) shares one thread, so the longest delay is the longest time typing or scrolling could not be served.
 *
 * On a shared machine a timer is also late when the process simply had no core (at load 20 on 2 cores, for
 * hundreds of ms). So each gap is also measured in the process's CPU time: `busy` is the longest gap counted
 * only while the process ran (at most its wall length, since helper threads add CPU time too). On a quiet
 * machine the two agree; where they differ, the difference was waiting for a core, not work of ours.
 */
const TICK_MS = 5;

/** The longest gap between ticks beyond TICK_MS: in wall time, and in CPU time of the process (busy). */
export interface Blocks {
  wall: number;
  busy: number;
}

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

export class BlockMonitor {
  private timer: NodeJS.Timeout | undefined;
  private last = 0;
  private lastCpu = 0;
  private worst: Blocks = { wall: 0, busy: 0 };

  start(): void {
    this.stop();
    this.worst = { wall: 0, busy: 0 };
    this.last = performance.now();
    this.lastCpu = cpuMs();
    this.timer = setInterval(() => this.note(), TICK_MS);
  }

  /** Stops and returns the longest blocks seen (ms), including one still running at this call. */
  stop(): Blocks {
    if (this.timer !== undefined) {
      clearInterval(this.timer);
      this.timer = undefined;
      this.note();
    }
    return { wall: Math.max(0, this.worst.wall), busy: Math.max(0, this.worst.busy) };
  }

  private note(): void {
    const now = performance.now();
    const cpu = cpuMs();
    const wall = now - this.last;
    this.worst = {
      wall: Math.max(this.worst.wall, wall - TICK_MS),
      busy: Math.max(this.worst.busy, Math.min(cpu - this.lastCpu, wall) - TICK_MS),
    };
    this.last = now;
    this.lastCpu = cpu;
  }
}
