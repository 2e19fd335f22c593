/**
 * The language-model coder's placed codings as annotations of a coder like any other: the coder is the model
 * (`model:<vendor>/<id>`), every span waits for a person (`status: needs-review`), and the memo records the
 * model's reason, the prompt version and the date, so that `git diff`, the agreement report and the exports
 * all say which model coded what, with which prompt, and that a human has not yet accepted it. A span the
 * model coded before with the same frame is not written twice (running the command again adds only what is new).
 */
import { createAnnotation, type Annotation } from '../../annotations';
import { MODEL_CODER_PREFIX } from '../trainingSet';
import type { PlacedCoding, RejectedCoding } from './answer';
import { PROMPT_VERSION } from './prompt';

export interface ModelIdentity {
  vendor: string;
  id: string;
}

/** The coder name of a model: `model:copilot/gpt-4o`. Characters that would read as a path or a list are replaced. */
export function modelCoderName(model: ModelIdentity): string {
  const clean = (s: string): string => s.trim().replace(/[\s,]+/g, '-') || 'unknown';
  return `${MODEL_CODER_PREFIX}${clean(model.vendor)}/${clean(model.id)}`;
}

export function modelMemo(model: ModelIdentity, reason: string, today: string): string {
  const why = reason === '' ? '' : `${reason}\n\n`;
  return `${why}Coded by ${modelCoderName(model)} with prompt ${PROMPT_VERSION} on ${today}; a person reviews it before it counts.`;
}

export function modelAnnotations(
  text: string,
  placed: readonly PlacedCoding[],
  model: ModelIdentity,
  today: string,
  existing: readonly Annotation[],
): { annotations: Annotation[]; rejected: RejectedCoding[]; repeated: number } {
  const coder = modelCoderName(model);
  const seen = new Set(
    existing.filter((a) => a.coder === coder).map((a) => `${a.frame}\u0000${a.start}\u0000${a.end}`),
  );
  const annotations: Annotation[] = [];
  const rejected: RejectedCoding[] = [];
  let repeated = 0;
  for (const p of placed) {
    const key = `${p.frame}\u0000${p.start}\u0000${p.end}`;
    if (seen.has(key)) {
      repeated++;
      continue;
    }
    seen.add(key);
    try {
      const a = createAnnotation(text, p.start, p.end, p.frame, coder, today);
      annotations.push({ ...a, status: 'needs-review', memo: modelMemo(model, p.reason, today) });
    } catch (e) {
      // a quote that starts or ends inside a surrogate pair (a model can return half an emoji)
      rejected.push({ what: `${p.frame}: “${p.quote}”`, why: e instanceof Error ? e.message : String(e) });
    }
  }
  return { annotations, rejected, repeated };
}
