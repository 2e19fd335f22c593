/**
 * The frame suggester's model in the editor: trained from the workspace's coded documents and the codebook,
 * off until the coder turns suggestions on (`sovereigntyCoder.suggestions.enabled`), and again after the coding
 * or the codebook changes (a few seconds after the last change, so a burst of tagging trains once). Training
 * runs in steps of a few milliseconds with the event loop free between them (core trainingSteps), so the
 * extension host, which every extension shares, is never blocked by it.
 */
import * as vscode from 'vscode';
import {
  codebookUnits,
  labelledUnits,
  MIN_POSITIVES,
  trainingSteps,
  type FrameModel,
  type LabelledUnit,
} from '../../core/assist';
import { errorMessage } from '../../core/input';
import { collectDocuments } from '../workspaceDocuments';
import type { Services } from '../services';
import { readSettings } from '../settings';

/** Below this many coded sentences in the workspace the suggester stays silent (docs/assisted-coding.md). */
export const MIN_CODED_SENTENCES = 30;
const RETRAIN_DELAY_MS = 3000;
/** Work between two yields to the event loop: well under the 50 ms any one task may hold the host. */
const SLICE_MS = 8;

export type SuggesterState =
  | { kind: 'off' }
  | { kind: 'training' }
  | { kind: 'waiting'; why: string }
  | { kind: 'ready'; model: FrameModel; units: number };

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export class SuggesterModel implements vscode.Disposable {
  private current: SuggesterState = { kind: 'off' };
  private generation = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly changed = new vscode.EventEmitter<SuggesterState>();
  /** Fires when a model is ready, or suggestions go off. */
  readonly onDidChange = this.changed.event;
  /** Longest slice of training work so far (ms): what the extension host felt; read by the tests. */
  longestSliceMs = 0;

  constructor(private readonly services: Services) {}

  get state(): SuggesterState {
    return this.current;
  }

  /** Retrains a little later (after a burst of coding decisions, once). */
  schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    // off (the default): nothing to train, and no paint after every coding decision
    if (!readSettings()['suggestions.enabled']) return;
    this.timer = setTimeout(() => void this.retrain(), RETRAIN_DELAY_MS);
  }

  /** Trains now from the workspace as it is; resolves when the model is ready (or suggestions are off). */
  async retrain(): Promise<SuggesterState> {
    if (this.timer) clearTimeout(this.timer);
    const generation = ++this.generation;
    const set = (state: SuggesterState): SuggesterState => {
      if (generation === this.generation) {
        this.current = state;
        this.changed.fire(state);
      }
      return this.current;
    };
    if (!readSettings()['suggestions.enabled']) return set({ kind: 'off' });
    const codebook = this.services.codebooks.active?.codebook;
    if (!codebook) return set({ kind: 'waiting', why: 'no codebook is loaded' });
    this.current = { kind: 'training' };
    try {
      const documents = await collectDocuments(this.services, codebook, false);
      if (!documents) return set({ kind: 'waiting', why: 'an annotation file has errors (see Problems)' });
      const units: LabelledUnit[] = labelledUnits(codebook, documents);
      if (units.length < MIN_CODED_SENTENCES) {
        return set({
          kind: 'waiting',
          why: `the workspace has ${units.length} coded sentences; suggestions start at ${MIN_CODED_SENTENCES}`,
        });
      }
      const steps = trainingSteps(units, { frames: codebook.frames.map((f) => f.id), prior: codebookUnits(codebook) });
      for (;;) {
        const sliceStart = performance.now();
        let step = steps.next();
        while (step.done !== true && performance.now() - sliceStart < SLICE_MS) step = steps.next();
        this.longestSliceMs = Math.max(this.longestSliceMs, performance.now() - sliceStart);
        if (step.done === true) {
          const model = step.value;
          if (model.frames.length === 0)
            return set({ kind: 'waiting', why: `no frame has ${MIN_POSITIVES} coded sentences yet` });
          this.services.log.info(
            `frame suggester: learned ${model.frames.map((f) => f.frame).join(', ')} from ${units.length} coded sentences`,
          );
          return set({ kind: 'ready', model, units: units.length });
        }
        await yieldToEventLoop();
        if (generation !== this.generation) return this.current; // a newer training started
      }
    } catch (e) {
      this.services.log.error(`frame suggester: ${errorMessage(e)}`);
      return set({ kind: 'waiting', why: errorMessage(e) });
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.changed.dispose();
  }
}
