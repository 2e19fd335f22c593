/**
 * The one write path of the automatic coders (the language-model command and the chat agents' tool): the
 * placed codings become the model's needs-review annotations (core modelAnnotations) in one undoable coding
 * change, so both coders are written, signed and undone the same way.
 */
import type * as vscode from 'vscode';
import { addAnnotation } from '../../core/annotations';
import {
  modelAnnotations,
  type ModelIdentity,
  type PlacedCoding,
  type RejectedCoding,
} from '../../core/assist/languageModel';
import { today } from '../coderIdentity';
import type { Services } from '../services';

export interface WrittenCodings {
  /** False when the annotation file could not be changed (the coder was told why). */
  ok: boolean;
  written: number;
  /** Placed codings that could still not be written (a span that would split a character). */
  rejected: RejectedCoding[];
}

export async function writeModelCodings(
  services: Services,
  doc: vscode.TextDocument,
  text: string,
  placed: readonly PlacedCoding[],
  model: ModelIdentity,
): Promise<WrittenCodings> {
  let written = 0;
  const rejected: RejectedCoding[] = [];
  const ok = await services.history.decide(doc, (list) => {
    const made = modelAnnotations(text, placed, model, today(), list);
    rejected.push(...made.rejected);
    written = made.annotations.length;
    return made.annotations.reduce((next, a) => addAnnotation(next, a), [...list]);
  });
  return { ok, written: ok ? written : 0, rejected };
}
