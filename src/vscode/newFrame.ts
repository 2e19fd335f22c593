/**
 * *New frame…* while coding: the coder names a frame (in vivo, the selected words prefill the label), gives
 * its id, parent, colour and definition, and the frame is written into the workspace codebook as one block
 * (core/codebook/addFrame.ts keeps every other byte, so the change reviews as a few added lines) after the same
 * checks as any codebook edit; then the codebook is reloaded and the caller tags with the new frame. A
 * workspace on the shipped codebook is offered a copy of it as its own codebook.yaml first.
 */
import * as vscode from 'vscode';
import { findFrame, type Codebook } from '../core/codebook';
import { addFrameToCodebook, type NewFrame } from '../core/codebook/addFrame';
import { COLOR_PATTERN, ID_PATTERN, idSuggestion } from '../core/codebook/shape';
import { chooseFill } from '../core/colour/fills';
import type { Services } from './services';
import { frameSwatch } from './views/frameSwatch';

/** Colours offered for a new frame, in this order, minus those the codebook already uses. */
const PALETTE = [
  '#c62828',
  '#6a1b9a',
  '#00838f',
  '#ef6c00',
  '#2e7d32',
  '#ad1457',
  '#4e342e',
  '#827717',
  '#283593',
  '#00695c',
  '#5d4037',
  '#37474f',
];
const LABEL_FROM_SELECTION = 60;
const STEPS = 5;

function step(n: number, what: string): string {
  return `New frame (${n}/${STEPS}): ${what}`;
}

function uniqueId(codebook: Codebook, wanted: string): string {
  if (!findFrame(codebook, wanted)) return wanted;
  for (let n = 2; ; n++) if (!findFrame(codebook, `${wanted}-${n}`)) return `${wanted}-${n}`;
}

/** The selected words as a label: one line, white space collapsed, cut at a word boundary. */
export function labelFromSelection(words: string): string {
  const flat = words.replace(/\s+/g, ' ').trim();
  if (flat.length <= LABEL_FROM_SELECTION) return flat;
  const cut = flat.slice(0, LABEL_FROM_SELECTION + 1);
  const space = cut.lastIndexOf(' ');
  return (space > 0 ? cut.slice(0, space) : cut.slice(0, LABEL_FROM_SELECTION)).trim();
}

async function pickColour(codebook: Codebook): Promise<string | undefined> {
  const used = new Set(codebook.frames.map((f) => f.color.toLowerCase()));
  const items = PALETTE.filter((c) => !used.has(c)).map((c) => ({
    label: c,
    description:
      chooseFill(c, 'light').meetsThresholds && chooseFill(c, 'dark').meetsThresholds
        ? ''
        : 'near the selection colour',
    iconPath: frameSwatch(c, 0),
    colour: c,
  }));
  const other = {
    label: 'Other colour…',
    description: '#rgb or #rrggbb',
    iconPath: new vscode.ThemeIcon('edit'),
    colour: '',
  };
  const chosen = await vscode.window.showQuickPick([...items, other], {
    title: step(4, 'colour'),
    ignoreFocusOut: true,
  });
  if (!chosen || chosen.colour) return chosen?.colour;
  return vscode.window.showInputBox({
    title: step(4, 'colour'),
    placeHolder: '#2e7d32',
    ignoreFocusOut: true,
    validateInput: (v) => (COLOR_PATTERN.test(v.trim()) ? undefined : 'Write #rgb or #rrggbb, e.g. #2e7d32'),
  });
}

/** Asks for the new frame's fields; undefined when the coder cancels at any step. */
export async function askNewFrame(codebook: Codebook, suggestedLabel: string): Promise<NewFrame | undefined> {
  const label = await vscode.window.showInputBox({
    title: step(1, 'label'),
    value: labelFromSelection(suggestedLabel),
    prompt: 'How coders will see the frame',
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() ? undefined : 'A frame needs a label'),
  });
  if (label === undefined) return undefined;
  const id = await vscode.window.showInputBox({
    title: step(2, 'id'),
    value: uniqueId(codebook, idSuggestion(label)),
    prompt: 'What the annotation files store: lower-case letters, digits, ".", "_" and "-"',
    ignoreFocusOut: true,
    validateInput: (v) =>
      !ID_PATTERN.test(v)
        ? 'Use lower-case letters, digits, ".", "_" and "-", starting with a letter or digit'
        : findFrame(codebook, v)
          ? `The codebook already has a frame '${v}'`
          : undefined,
  });
  if (id === undefined) return undefined;
  const top = { label: '(none: a top-level frame)', frameId: undefined as string | undefined };
  const parents = codebook.frames.map((f, i) => ({
    label: f.label,
    description: f.id,
    frameId: f.id,
    iconPath: frameSwatch(f.color, i),
  }));
  const parent = await vscode.window.showQuickPick([top, ...parents], {
    title: step(3, 'parent'),
    ignoreFocusOut: true,
    matchOnDescription: true,
  });
  if (!parent) return undefined;
  const color = await pickColour(codebook);
  if (color === undefined) return undefined;
  const definition = await vscode.window.showInputBox({
    title: step(5, 'definition'),
    prompt: 'When does this frame apply? One or two sentences; include/exclude rules can be added in the codebook',
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() ? undefined : 'A frame needs a definition (the codebook requires one)'),
  });
  if (definition === undefined) return undefined;
  return {
    id,
    label: label.trim(),
    color: color.trim(),
    definition: definition.trim(),
    ...(parent.frameId ? { parent: parent.frameId } : {}),
  };
}

/** The codebook file to write: the active one when it is in the workspace, else a copy of it the coder agrees to. */
async function workspaceCodebook(services: Services): Promise<vscode.Uri | undefined> {
  const active = services.codebooks.active;
  if (!active) return undefined;
  if (vscode.workspace.getWorkspaceFolder(active.uri)) return active.uri;
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void vscode.window.showErrorMessage('New frames are written into a workspace codebook: open a folder first.');
    return undefined;
  }
  const target = vscode.Uri.joinPath(folder.uri, 'codebook.yaml');
  const copy = 'Copy and Add';
  const answer = await vscode.window.showWarningMessage(
    `New frames are written into the workspace's own codebook, and this workspace uses ${active.uri.fsPath}. Copy it to codebook.yaml in the workspace and add the frame there?`,
    { modal: true },
    copy,
  );
  if (answer !== copy) return undefined;
  await vscode.workspace.fs.writeFile(target, await vscode.workspace.fs.readFile(active.uri));
  await services.codebooks.reload();
  if (services.codebooks.active?.uri.toString() === target.toString()) return target;
  void vscode.window.showErrorMessage(
    `codebook.yaml was written, but the setting sovereigntyCoder.codebookPath chooses another codebook; add the frame there by hand.`,
  );
  return undefined;
}

/** Writes `frame` into the workspace codebook and reloads it; resolves to the frame's id once it is in force. */
export async function addFrameToWorkspaceCodebook(services: Services, frame: NewFrame): Promise<string | undefined> {
  const uri = await workspaceCodebook(services);
  if (!uri) return undefined;
  const name = vscode.workspace.asRelativePath(uri);
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open?.isDirty) {
    void vscode.window.showErrorMessage(`${name} has unsaved changes: save or revert them, then add the frame.`);
    return undefined;
  }
  const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  const result = addFrameToCodebook(text, uri.fsPath, frame);
  if (!('text' in result)) {
    const first = result.problems[0];
    const where = first ? `${name}:${first.line}: ${first.message}` : 'the codebook refused it';
    void vscode.window.showErrorMessage(`The frame '${frame.id}' was not added: ${where}`);
    return undefined;
  }
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(result.text));
  await services.codebooks.reload();
  if (!services.codebooks.active?.codebook.frames.some((f) => f.id === frame.id)) {
    void vscode.window.showErrorMessage(
      `${name} was written with the frame '${frame.id}', but it did not load (see Problems).`,
    );
    return undefined;
  }
  services.log.info(`added frame '${frame.id}' to ${uri.toString()}`);
  return frame.id;
}
