/** Frame labels and the frame picker, shared by hovers, code actions and commands. */
import * as vscode from 'vscode';
import { findFrame, framePath, type Codebook } from '../core/codebook';

export function frameLabel(codebook: Codebook | undefined, frameId: string): string {
  const frame = codebook ? findFrame(codebook, frameId) : undefined;
  return frame ? frame.label : `${frameId} (not in the codebook)`;
}

interface FrameItem extends vscode.QuickPickItem {
  frameId?: string;
}

/**
 * A searchable pick of all frames, hierarchy shown as "Parent › Child"; `first` (the frames of the cues in a
 * selection) come first under their own heading.
 */
export async function pickFrame(
  codebook: Codebook,
  first: readonly string[] = [],
  title = 'Tag with frame',
): Promise<string | undefined> {
  const item = (id: string): FrameItem => {
    const frame = findFrame(codebook, id);
    const path = framePath(codebook, id);
    return {
      frameId: id,
      label: path.join(' › ') || id,
      description: id,
      detail: frame?.definition.replace(/\s+/g, ' ').slice(0, 160),
    };
  };
  const firstSet = new Set(first);
  const items: FrameItem[] = [];
  if (firstSet.size > 0) {
    items.push({ label: 'Cues in the selection', kind: vscode.QuickPickItemKind.Separator }, ...first.map(item));
    items.push({ label: 'All frames', kind: vscode.QuickPickItemKind.Separator });
  }
  const ordered = [...codebook.frames].sort((a, b) =>
    framePath(codebook, a.id).join('\u0000').localeCompare(framePath(codebook, b.id).join('\u0000')),
  );
  items.push(...ordered.filter((f) => !firstSet.has(f.id)).map((f) => item(f.id)));
  const placeHolder = 'Type to search frames by name, id or definition';
  const chosen = await vscode.window.showQuickPick(items, {
    title,
    placeHolder,
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return chosen?.frameId;
}
