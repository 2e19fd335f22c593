/**
 * Measures how long the extension host's thread is blocked: a timer that should fire every TICK_MS notes by
 * how much it was late. Everything in the extension host (the extension, VS Code's own ext-host code, this
 * bench) shares one thread, so the longest delay is the longest time typing or scrolling could not be served.
 *
 * On a shared machine a timer is also late when the process simply had no core (at load 20 on 2 cores, for
 * hundreds of ms). So each gap is also measured in the process's CPU time: `busy` is the longest gap counted
 * only while the process ran (at most its wall length, since helper threads add CPU time too). On a quiet
 * machine the two agree; where they differ, the difference was waiting for a core, not work of ours. Where Node
 * has it (23.9 and later: the extension host's Node 24), the CPU time is the host thread's own
 * (process.threadCpuUsage), so work moved to a worker thread, running on the other core, is not counted as a
 * block of the thread it was moved off; elsewhere it is the whole process's (every thread), an upper bound.
 */
import { PerformanceObserver } from 'node:perf_hooks';

const TICK_MS = 5;

/**
 * The longest gap between ticks beyond TICK_MS: in wall time, and in CPU time of the process (busy); and the
 * longest garbage-collection pause in the same window (perf_hooks 'gc' entries), which the longest block holds
 * when it is the collector's: V8 collects for everything on the thread (VS Code's copies of a 10 MB document
 * as much as ours), so such a block is not any one piece of code's.
 */
export interface Blocks {
  wall: number;
  busy: number;
  gc: number;
  /** When the longest busy block ran, in µs of the monotonic clock (a CPU profile's timestamps). */
  busyFromUs: number;
  busyToUs: number;
}

/** The monotonic clock in µs: the clock V8's CPU profiles stamp their samples with. */
const monotonicUs = (): number => Number(process.hrtime.bigint() / 1000n);

type CpuUsage = () => { user: number; system: number };
const threadCpuUsage = (process as unknown as { threadCpuUsage?: CpuUsage }).threadCpuUsage?.bind(process);

/** CPU time of this thread (of the whole process where Node cannot tell threads apart), in ms. */
function cpuMs(): number {
  const u = threadCpuUsage ? threadCpuUsage() : process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Which CPU time `busy` counts, for the report. */
export const BUSY_CLOCK = threadCpuUsage
  ? "the extension host thread's CPU time"
  : "the process's CPU time (all threads)";

export class BlockMonitor {
  private timer: NodeJS.Timeout | undefined;
  private last = 0;
  private lastCpu = 0;
  private worst: Blocks = { wall: 0, busy: 0, gc: 0, busyFromUs: 0, busyToUs: 0 };
  private lastUs = 0;
  private gcObserver: PerformanceObserver | undefined;

  start(): void {
    this.stop();
    this.worst = { wall: 0, busy: 0, gc: 0, busyFromUs: 0, busyToUs: 0 };
    this.last = performance.now();
    this.lastUs = monotonicUs();
    this.lastCpu = cpuMs();
    this.timer = setInterval(() => this.note(), TICK_MS);
    this.gcObserver = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) this.worst.gc = Math.max(this.worst.gc, e.duration);
    });
    this.gcObserver.observe({ entryTypes: ['gc'] });
  }

  /** Stops and returns the longest blocks seen (ms), including one still running at this call. */
  stop(): Blocks {
    if (this.timer !== undefined) {
      clearInterval(this.timer);
      this.timer = undefined;
      this.note();
    }
    this.gcObserver?.disconnect();
    this.gcObserver = undefined;
    return { ...this.worst, wall: Math.max(0, this.worst.wall), busy: Math.max(0, this.worst.busy) };
  }

  private note(): void {
    const now = performance.now();
    const nowUs = monotonicUs();
    const cpu = cpuMs();
    const wall = now - this.last;
    const busy = Math.min(cpu - this.lastCpu, wall) - TICK_MS;
    if (busy > this.worst.busy) {
      this.worst.busy = busy;
      this.worst.busyFromUs = this.lastUs;
      this.worst.busyToUs = nowUs;
    }
    this.worst.wall = Math.max(this.worst.wall, wall - TICK_MS);
    this.last = now;
    this.lastUs = nowUs;
    this.lastCpu = cpu;
  }
}
