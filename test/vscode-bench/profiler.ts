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

export class PhaseProfiler {
  private session: Session | undefined;

  /** Starts profiling a phase (a no-op unless SOVCODER_BENCH_PROFILE is set). */
  async start(): Promise<void> {
    if (!FOLDER) return;
    this.session = new Session();
    this.session.connect();
    await post(this.session, 'Profiler.enable');
    // 100 µs: fine enough to see a 10 ms task's parts, coarse enough not to slow the host much
    await post(this.session, 'Profiler.setSamplingInterval', { interval: 100 });
    await post(this.session, 'Profiler.start');
  }

  /** Stops the phase's profile and writes it as `<phase>.cpuprofile`; returns its path (or undefined). */
  async stop(phase: string): Promise<string | undefined> {
    const session = this.session;
    if (!FOLDER || !session) return undefined;
    const { profile } = (await post(session, 'Profiler.stop')) as { profile: object };
    session.disconnect();
    this.session = undefined;
    mkdirSync(FOLDER, { recursive: true });
    const file = join(FOLDER, `${phase}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    return file;
  }
}
