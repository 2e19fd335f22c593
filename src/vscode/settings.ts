/** Typed access to the extension's settings (package.json `contributes.configuration`). */
import * as vscode from 'vscode';

const SECTION = 'sovereigntyCoder';

export interface Settings {
  coder: string;
  codebookPath: string;
  languages: string[];
  frameColors: 'codebook' | 'theme';
  showCues: boolean;
  openWalkthroughOnFirstRun: boolean;
}

export function readSettings(scope?: vscode.ConfigurationScope): Settings {
  const c = vscode.workspace.getConfiguration(SECTION, scope);
  return {
    coder: c.get<string>('coder', '').trim(),
    codebookPath: c.get<string>('codebookPath', '').trim(),
    languages: c.get<string[]>('languages', ['plaintext', 'markdown']),
    frameColors: c.get<string>('frameColors', 'codebook') === 'theme' ? 'theme' : 'codebook',
    showCues: c.get<boolean>('showCues', true),
    openWalkthroughOnFirstRun: c.get<boolean>('openWalkthroughOnFirstRun', true),
  };
}

export function affectsSettings(e: vscode.ConfigurationChangeEvent, key?: keyof Settings): boolean {
  return e.affectsConfiguration(key ? `${SECTION}.${key}` : SECTION);
}

/** Documents whose language is coded, and that are files we can keep a sidecar beside. */
export function isCodedDocument(doc: vscode.TextDocument): boolean {
  if (doc.uri.scheme === 'output' || doc.uri.scheme === 'git' || doc.uri.path.endsWith('.annotations.yaml')) return false;
  return readSettings(doc).languages.includes(doc.languageId);
}
