/** Typed access to the extension's settings (package.json `contributes.configuration`, table in settingsKeys.ts). */
import * as vscode from 'vscode';
import { MEMO_SCHEME } from './memoScheme';
import { SETTING_DEFAULTS, SETTINGS_SECTION, type Settings } from './settingsKeys';

export function readSettings(scope?: vscode.ConfigurationScope): Settings {
  const c = vscode.workspace.getConfiguration(SETTINGS_SECTION, scope);
  return {
    coder: c.get<string>('coder', SETTING_DEFAULTS.coder).trim(),
    codebookPath: c.get<string>('codebookPath', SETTING_DEFAULTS.codebookPath).trim(),
    languages: c.get<string[]>('languages', [...SETTING_DEFAULTS.languages]),
    frameColors: c.get<string>('frameColors', SETTING_DEFAULTS.frameColors) === 'theme' ? 'theme' : 'codebook',
    showCues: c.get<boolean>('showCues', SETTING_DEFAULTS.showCues),
    openWalkthroughOnFirstRun: c.get<boolean>('openWalkthroughOnFirstRun', SETTING_DEFAULTS.openWalkthroughOnFirstRun),
  };
}

export function affectsSettings(e: vscode.ConfigurationChangeEvent, key?: keyof Settings): boolean {
  return e.affectsConfiguration(key ? `${SETTINGS_SECTION}.${key}` : SETTINGS_SECTION);
}

/** Documents whose language is coded, and that are files we can keep a sidecar beside. */
export function isCodedDocument(doc: vscode.TextDocument): boolean {
  if (
    doc.uri.scheme === 'output' ||
    doc.uri.scheme === 'git' ||
    doc.uri.scheme === MEMO_SCHEME || // a memo is about a text, not a text to code
    doc.uri.path.endsWith('.annotations.yaml')
  )
    return false;
  return readSettings(doc).languages.includes(doc.languageId);
}
