/**
 * *Add Texts to the Corpus…*: the file dialog (several files at once) or the explorer's context menu gives the
 * originals; each is converted in the import worker (dist/importWorker.mjs, loaded on first use, so the
 * extension host's event loop only receives progress messages) and written by the core's addText, with
 * `window.withProgress` showing the page being read and offering Cancel. An uncertain encoding is asked
 * about; a refused file is named with its reason; a re-import says what moved. Returns what was added, for
 * the integration tests.
 */
import * as vscode from 'vscode';
import { join } from 'node:path';
import { addText, textPathFor, type AddResult } from '../core/import/addText';
import { describeAdd } from '../core/import/describe';
import { ImportError } from '../core/import/types';
import { ConversionCancelled, workerConverter } from '../core/import/workerClient';
import { ImportCommandId } from './commandIds';
import type { Services } from './services';

const DIALOG_FILTERS = {
  'Texts and documents': ['pdf', 'docx', 'odt', 'epub', 'html', 'htm', 'xhtml', 'txt', 'text', 'md'],
  'All files': ['*'],
};

/** Why an original cannot be added now: its text has unsaved edits or unsaved coding in this window. */
function busyReason(services: Services, original: vscode.Uri): string | undefined {
  const target = vscode.Uri.file(textPathFor(original.fsPath));
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === target.toString());
  if (open?.isDirty) return `${vscode.workspace.asRelativePath(target)} has unsaved edits; save or revert it first`;
  if (services.store.get(target)?.unsaved)
    return `the coding of ${vscode.workspace.asRelativePath(target)} is not saved yet; save the text first`;
  return undefined;
}

async function askEncoding(error: ImportError): Promise<string | undefined> {
  const items = [
    ...error.candidates.map((c) => ({
      label: c.encoding,
      description: `detector confidence ${Math.round(c.confidence * 100)}%`,
    })),
    { label: 'Other encoding…', description: 'type an encoding name' },
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: `Encoding of ${error.file.split(/[\\/]/).pop() ?? error.file} is uncertain: which is it?`,
    ignoreFocusOut: true,
  });
  if (!picked) return undefined;
  if (picked.label !== 'Other encoding…') return picked.label;
  return vscode.window.showInputBox({
    prompt: 'Encoding name (for example gb18030, big5, windows-1251, koi8-r)',
    ignoreFocusOut: true,
  });
}

async function pickOriginals(): Promise<vscode.Uri[] | undefined> {
  return vscode.window.showOpenDialog({
    canSelectMany: true,
    openLabel: 'Add to Corpus',
    filters: DIALOG_FILTERS,
    title: 'Add Texts to the Corpus',
  });
}

export interface AddTextsOptions {
  /** Skips the encoding question (tests): an uncertain encoding is then reported as refused. */
  encoding?: string;
}

/** The command: returns the results of the files that were added. */
export async function addTexts(
  services: Services,
  workerScript: string,
  clicked?: vscode.Uri,
  selected?: vscode.Uri[],
  options: AddTextsOptions = {},
): Promise<AddResult[]> {
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage(
      'Sovereignty Coder: texts are not added in Restricted Mode (nothing is written until you trust the workspace).',
    );
    return [];
  }
  const originals = selected?.length ? selected : clicked ? [clicked] : await pickOriginals();
  if (!originals?.length) return [];
  const added: AddResult[] = [];
  const refused: string[] = [];
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Adding texts', cancellable: true },
    async (progress, token) => {
      const abort = new AbortController();
      token.onCancellationRequested(() => abort.abort());
      const convert = workerConverter(workerScript, abort.signal);
      for (const [i, original] of originals.entries()) {
        if (abort.signal.aborted) break;
        const name = vscode.workspace.asRelativePath(original);
        if (original.scheme !== 'file') {
          refused.push(`${name}: only files on this machine can be added`);
          continue;
        }
        const busy = busyReason(services, original);
        if (busy) {
          refused.push(busy);
          continue;
        }
        let encoding = options.encoding;
        for (;;) {
          try {
            progress.report({ message: `${name} (${i + 1} of ${originals.length})` });
            const result = await addText(original.fsPath, {
              convert,
              toolVersion: services.version,
              ...(encoding === undefined ? {} : { encoding }),
              onProgress: (_f, message) =>
                progress.report({ message: `${name} (${i + 1} of ${originals.length}): ${message}` }),
            });
            for (const line of describeAdd(result, vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? ''))
              services.log.info(line);
            added.push(result);
            break;
          } catch (e) {
            if (e instanceof ConversionCancelled) return;
            if (!(e instanceof ImportError)) throw e;
            if (e.kind === 'encoding-uncertain' && options.encoding === undefined) {
              const chosen = await askEncoding(e);
              if (chosen) {
                encoding = chosen;
                continue;
              }
            }
            services.log.warn(e.message);
            refused.push(e.message);
            break;
          }
        }
      }
    },
  );
  report(added, refused);
  return added;
}

function report(added: readonly AddResult[], refused: readonly string[]): void {
  for (const message of refused) void vscode.window.showErrorMessage(`Sovereignty Coder: ${message}`);
  if (added.length === 0) return;
  const moved = added.flatMap((r) => r.reimport?.moves ?? []);
  const reimports = added.filter((r) => r.reimport).length;
  const summary = `Added ${added.length} text(s)${reimports ? ` (${reimports} re-added: ${moved.length} annotation(s) moved or marked, none lost; see the log)` : ''}.`;
  void vscode.window.showInformationMessage(summary, 'Open').then((choice) => {
    const first = added[0];
    if (choice && first) void vscode.window.showTextDocument(vscode.Uri.file(first.text));
  });
}

export function registerAddTexts(services: Services, extensionUri: vscode.Uri): vscode.Disposable {
  const workerScript = join(extensionUri.fsPath, 'dist', 'importWorker.mjs');
  return vscode.commands.registerCommand(
    ImportCommandId.addTexts,
    (clicked?: vscode.Uri, selected?: vscode.Uri[], options?: AddTextsOptions) =>
      addTexts(services, workerScript, clicked, selected, options),
  );
}
