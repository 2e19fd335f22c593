/**
 * CPU profiles of the extension host's own thread for each phase of the editor benchmark, when
 * SOVCODER_BENCH_PROFILE names a folder: the bench runs inside the extension host, so an in-process inspector
 * session profiles exactly the thread whose blocks it reports (the extension, VS Code's ext-host code, the
 * bench). Each phase becomes `<folder>/<phase>.cpuprofile`, which Chrome DevTools or `speedscope` open.
 * Without the variable nothing is started, and the figures are those of an unprofiled run.
 */
import { Session } from 'node:inspector';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const FOLDER = process.env['SOVCODER_BENCH_PROFILE'];

function post(session: Session, method: string, params?: object): Promise<unknown> {
  return new Promise((resolve, reject) =>
    session.post(method, params ?? {}, (err, result) => (err ? reject(err) : resolve(result))),
  );
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/**
 * What ran between `fromUs` and `toUs` (the monotonic clock, as the profile's timestamps): the functions with
 * the most time on the stack, as "name file:line ms" lines. Names the code behind a phase's longest block.
 */
export function profileWindow(profile: CpuProfile, fromUs: number, toUs: number, top = 8): string[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (n: ProfileNode): string =>
    `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber + 1}`;
  const inclusive = new Map<string, number>();
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i] ?? 0;
    const dt = profile.timeDeltas[i + 1] ?? 0;
    if (t < fromUs || t > toUs) continue;
    const seen = new Set<string>();
    for (let id: number | undefined = profile.samples[i]; id !== undefined; id = parent.get(id)) {
      const node = byId.get(id);
      if (!node || node.callFrame.functionName === '(root)') continue;
      const key = name(node);
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + dt);
    }
  }
  return [...inclusive]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([key, us]) => `${key} ${(us / 1000).toFixed(1)} ms`);
}

export class PhaseProfiler {
  private session: Session | undefined;
  /** The profile of the last phase stopped (for profileWindow). */
  last: CpuProfile | undefined;

  /** Starts profiling a phase (a no-op unless SOVCODER_BENCH_PROFILE is set). */
  async start(): Promise<void> {
    if (!FOLDER) return;
    this.session = new Session();
    this.session.connect();
    await post(this.session, 'Profiler.enable');
    // 100 µs by default: fine enough to see a 10 ms task's parts, coarse enough not to slow the host much;
    // SOVCODER_BENCH_PROFILE_INTERVAL (µs) coarser still, for a block that a finer profile's overhead hides
    const interval = Number(process.env['SOVCODER_BENCH_PROFILE_INTERVAL'] ?? 100);
    await post(this.session, 'Profiler.setSamplingInterval', { interval });
    await post(this.session, 'Profiler.start');
  }

  /** Stops the phase's profile and writes it as `<phase>.cpuprofile`; returns its path (or undefined). */
  async stop(phase: string): Promise<string | undefined> {
    const session = this.session;
    if (!FOLDER || !session) return undefined;
    const { profile } = (await post(session, 'Profiler.stop')) as { profile: CpuProfile };
    this.last = profile;
    session.disconnect();
    this.session = undefined;
    mkdirSync(FOLDER, { recursive: true });
    const file = join(FOLDER, `${phase}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    return file;
  }
}
