/** Shared helpers of the integration tests: the extension's test API, fixture files, waiting for facts. */
import * as vscode from 'vscode';
import type { SovereigntyCoderApi } from '../../src/extension';

export const EXTENSION_ID = 'sovereignty-coder.sovereignty-coder';

export async function api(): Promise<SovereigntyCoderApi> {
  const extension = vscode.extensions.getExtension<SovereigntyCoderApi>(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} is not loaded`);
  const value = await extension.activate();
  await value.ready;
  return value;
}

export function workspaceUri(...parts: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the test workspace folder is not open');
  return vscode.Uri.joinPath(folder.uri, ...parts);
}

export function sidecarOf(uri: vscode.Uri): vscode.Uri {
  return uri.with({ path: `${uri.path}.annotations.yaml` });
}

export async function writeFile(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

export async function readFile(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch (e) {
    if (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') return undefined;
    throw e;
  }
}

/** Polls `probe` until it returns a value: tests wait for a condition, never a fixed time. */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 15000,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Opens a fixture text (written fresh by the test) in an editor and waits until its cues are painted. */
export async function openFixture(
  name: string,
  text: string,
): Promise<{ doc: vscode.TextDocument; editor: vscode.TextEditor }> {
  const uri = workspaceUri('texts', name);
  await writeFile(uri, text);
  const doc = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(doc);
  return { doc, editor };
}

export async function codeActions(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  return (
    (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range)) ?? []
  );
}

export async function run(action: vscode.CodeAction): Promise<unknown> {
  if (!action.command) throw new Error(`code action '${action.title}' has no command`);
  const args: unknown[] = action.command.arguments ?? [];
  return vscode.commands.executeCommand(action.command.command, ...args);
}

export function rangeOf(doc: vscode.TextDocument, needle: string): vscode.Range {
  const at = doc.getText().indexOf(needle);
  if (at < 0) throw new Error(`'${needle}' not in ${doc.uri.path}`);
  return new vscode.Range(doc.positionAt(at), doc.positionAt(at + needle.length));
}

/** Removes sidecars that hold Git conflict markers (this file's and other tests' deliberately broken ones). */
export async function removeBrokenSidecars(): Promise<void> {
  for (const uri of await vscode.workspace.findFiles('**/*.annotations.yaml')) {
    if ((await readFile(uri))?.includes('<<<<<<<')) await vscode.workspace.fs.delete(uri);
  }
}
