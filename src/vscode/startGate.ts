/**
 * Activation stays cheap. `onStartupFinished` activates the extension in every workspace (a workspace whose
 * `sovereigntyCoder.languages` names, say, LaTeX has no activation event of its own before its first
 * codebook or sidecar exists), so the costly start (reading and compiling the codebook, reading sidecars,
 * painting) waits behind this gate until the workspace shows that it codes something: a coded document open
 * or opened, a workspace codebook, or a command run. vscode-eslint starts its server the same way, from
 * `didOpenTextDocument`. No `vscode` import: the gate is unit-tested in plain node.
 */

/** The shape of a VS Code event, so the gate can listen without importing vscode. */
export type Listen<T> = (listener: (e: T) => unknown) => { dispose(): void };

export class StartGate {
  private started = false;
  private release: (run: Promise<void>) => void = () => undefined;
  private readonly listeners: { dispose(): void }[] = [];
  /** Settles with the start: resolves when it is done, rejects with its error (the owner must handle it). */
  readonly ready: Promise<void>;

  constructor(private readonly start: () => Promise<void>) {
    this.ready = new Promise<void>((resolve) => {
      this.release = resolve;
    });
  }

  /** Whether the start has begun. */
  get isOpen(): boolean {
    return this.started;
  }

  /** Begins the start (once; later calls join it) and returns `ready`. */
  open(): Promise<void> {
    if (!this.started) {
      this.started = true;
      this.dispose();
      this.release(this.start());
    }
    return this.ready;
  }

  /** Opens the gate at the first event that `matches`. */
  openWhen<T>(event: Listen<T>, matches: (e: T) => boolean): void {
    if (this.started) return;
    this.listeners.push(
      event((e) => {
        if (matches(e)) void this.open(); // the owner handles `ready`'s rejection (extension.ts shows it)
      }),
    );
  }

  /**
   * Opens the gate and resolves when the start has finished, well or not: what needs a started extension (a
   * command) runs either way, since a failed start has already been shown to the user through `ready`.
   */
  async opened(): Promise<void> {
    try {
      await this.open();
    } catch {
      // reported where `ready` is handled (extension.ts shows it with "Show Log"); the caller runs regardless
    }
  }

  dispose(): void {
    for (const l of this.listeners.splice(0)) l.dispose();
  }
}
