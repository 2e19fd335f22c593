/**
 * Frame labels and the frame picker, shared by hovers, code actions and commands. The picker shows each frame
 * with its colour swatch, groups frames under their top-level frame as separator rows (never as items, so
 * nothing but a frame is ever preselected), marks the current frame when retagging (and makes it the active
 * row, so Enter changes nothing), and, when coding, ends with *New frame…* (newFrame.ts).
 */
import * as vscode from 'vscode';
import { findFrame, framePath, type Codebook, type Frame } from '../core/codebook';
import { frameSwatch } from './views/frameSwatch';

export function frameLabel(codebook: Codebook | undefined, frameId: string): string {
  const frame = codebook ? findFrame(codebook, frameId) : undefined;
  return frame ? frame.label : `${frameId} (not in the codebook)`;
}

interface FrameItem extends vscode.QuickPickItem {
  frameId?: string;
  isNew?: boolean;
}

/** What the coder chose: a frame, or *New frame…* with what was typed in the filter box. */
export type FramePick = { frameId: string } | { newFrame: string };

export interface PickFrameOptions {
  /** Frames listed first under their own heading (the frames of the cues in a selection). */
  first?: readonly string[];
  title?: string;
  /** The frame of the annotation being retagged: marked and active. */
  current?: string;
  /** Offer *New frame…* at the end. */
  allowNew?: boolean;
}

/** The top-level frame above `frame` (the codebook's checks guarantee the parents form a tree). */
function rootOf(codebook: Codebook, frame: Frame): Frame {
  let at = frame;
  for (let parent = at.parent; parent !== undefined; parent = at.parent) {
    const up = findFrame(codebook, parent);
    if (!up || up === frame) break;
    at = up;
  }
  return at;
}

function frameItem(codebook: Codebook, id: string, current: string | undefined, underGroup: boolean): FrameItem {
  const index = codebook.frames.findIndex((f) => f.id === id);
  const frame = codebook.frames[index];
  const path = framePath(codebook, id);
  // under its group's separator the group's name would only repeat it
  const shown = underGroup && path.length > 1 ? path.slice(1) : path;
  return {
    frameId: id,
    label: shown.join(' › ') || id,
    description: id === current ? `$(check) current frame · ${id}` : id,
    detail: frame?.definition.replace(/\s+/g, ' ').slice(0, 160),
    iconPath: frameSwatch(frame?.color, frame ? index : undefined),
  };
}

/** The picker's rows: first frames, then each group under a separator, then *New frame…*. */
export function frameItems(codebook: Codebook, options: PickFrameOptions): FrameItem[] {
  const first = new Set(options.first ?? []);
  const items: FrameItem[] = [];
  if (first.size > 0) {
    items.push({ label: 'Cues in the selection', kind: vscode.QuickPickItemKind.Separator });
    items.push(...[...first].map((id) => frameItem(codebook, id, options.current, false)));
  }
  const byPath = (a: Frame, b: Frame): number =>
    framePath(codebook, a.id).join('\u0000').localeCompare(framePath(codebook, b.id).join('\u0000'));
  for (const root of codebook.frames.filter((f) => f.parent === undefined)) {
    const members = codebook.frames.filter((f) => rootOf(codebook, f).id === root.id && !first.has(f.id));
    if (members.length === 0) continue;
    items.push({ label: root.label, kind: vscode.QuickPickItemKind.Separator });
    items.push(...members.sort(byPath).map((f) => frameItem(codebook, f.id, options.current, true)));
  }
  if (options.allowNew) {
    items.push({ label: 'Codebook', kind: vscode.QuickPickItemKind.Separator });
    items.push({
      label: '$(add) New frame…',
      description: 'add a frame to the workspace codebook and tag with it',
      alwaysShow: true,
      isNew: true,
    });
  }
  return items;
}

/** A searchable pick of all frames; see the file comment. */
export function pickFrame(codebook: Codebook, options: PickFrameOptions = {}): Promise<FramePick | undefined> {
  const pick = vscode.window.createQuickPick<FrameItem>();
  pick.title = options.title ?? 'Tag with frame';
  pick.placeholder = options.allowNew
    ? 'Type to search frames by name, id or definition, or to name a new frame'
    : 'Type to search frames by name, id or definition';
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  pick.items = frameItems(codebook, options);
  const current = pick.items.find((i) => i.frameId !== undefined && i.frameId === options.current);
  if (current) pick.activeItems = [current];
  return new Promise((resolve) => {
    pick.onDidAccept(() => {
      const chosen = pick.selectedItems[0] ?? pick.activeItems[0];
      if (chosen?.isNew) resolve({ newFrame: pick.value.trim() });
      else if (chosen?.frameId !== undefined) resolve({ frameId: chosen.frameId });
      else return;
      pick.hide();
    });
    pick.onDidHide(() => {
      resolve(undefined);
      pick.dispose();
    });
    pick.show();
  });
}
