/** Typed access to the extension's settings (package.json `contributes.configuration`, table in settingsKeys.ts). */
import * as vscode from 'vscode';
import { MEMO_SCHEME } from './memoScheme';
import { SETTING_DEFAULTS, SETTINGS_SECTION, type Settings } from './settingsKeys';
import { AGREEMENT_UNITS, type AgreementUnit } from '../core/agreement/units';

/**
 * A document's settings, kept between configuration changes while `watchSettings()` runs: every keystroke asks
 * whether its document is coded and whether cues are shown, and reading the configuration costs more than the
 * rest of a paint (a tenth of a millisecond per read, several reads per keystroke). Keyed by URI and language,
 * the two things a document's configuration depends on; cleared on any configuration, trust or folder change.
 */
let documentSettings: Map<string, Settings> | undefined;
/** The settings read without a scope (window and workspace level), cached alike: asked on every coding change. */
let unscopedSettings: Settings | undefined;

export function watchSettings(): vscode.Disposable {
  documentSettings = new Map();
  const clear = (): void => {
    documentSettings?.clear();
    unscopedSettings = undefined;
  };
  return vscode.Disposable.from(
    vscode.workspace.onDidChangeConfiguration(clear),
    vscode.workspace.onDidGrantWorkspaceTrust(clear),
    vscode.workspace.onDidChangeWorkspaceFolders(clear),
    {
      dispose: () => {
        documentSettings = undefined;
        unscopedSettings = undefined;
      },
    },
  );
}

function isTextDocument(scope: vscode.ConfigurationScope | undefined): scope is vscode.TextDocument {
  return scope !== undefined && 'languageId' in scope && 'uri' in scope;
}

export function readSettings(scope?: vscode.ConfigurationScope): Settings {
  if (documentSettings && scope === undefined) {
    unscopedSettings ??= readSettingsNow(undefined);
    return { ...unscopedSettings, languages: [...unscopedSettings.languages] };
  }
  if (!documentSettings || !isTextDocument(scope)) return readSettingsNow(scope);
  const key = `${scope.languageId}|${scope.uri.toString()}`;
  let settings = documentSettings.get(key);
  if (!settings) {
    if (documentSettings.size >= 1000) documentSettings.clear(); // documents opened and closed all day
    documentSettings.set(key, (settings = readSettingsNow(scope)));
  }
  return { ...settings, languages: [...settings.languages] };
}

function readSettingsNow(scope?: vscode.ConfigurationScope): Settings {
  const c = vscode.workspace.getConfiguration(SETTINGS_SECTION, scope);
  return {
    coder: c.get<string>('coder', SETTING_DEFAULTS.coder).trim(),
    codebookPath: c.get<string>('codebookPath', SETTING_DEFAULTS.codebookPath).trim(),
    languages: c.get<string[]>('languages', [...SETTING_DEFAULTS.languages]),
    frameColors: c.get<string>('frameColors', SETTING_DEFAULTS.frameColors) === 'theme' ? 'theme' : 'codebook',
    showCues: c.get<boolean>('showCues', SETTING_DEFAULTS.showCues),
    openWalkthroughOnFirstRun: c.get<boolean>('openWalkthroughOnFirstRun', SETTING_DEFAULTS.openWalkthroughOnFirstRun),
    agreementUnit: agreementUnitOf(c.get<string>('agreementUnit', SETTING_DEFAULTS.agreementUnit)),
    consensusCoder:
      c.get<string>('consensusCoder', SETTING_DEFAULTS.consensusCoder).trim() || SETTING_DEFAULTS.consensusCoder,
    'suggestions.enabled': c.get<boolean>('suggestions.enabled', SETTING_DEFAULTS['suggestions.enabled']),
    'suggestions.threshold': validThreshold(
      c.get<number>('suggestions.threshold', SETTING_DEFAULTS['suggestions.threshold']),
    ),
  };
}

/** A unit from the setting; an unknown value (edited by hand) falls back to the default, the sentence. */
function agreementUnitOf(value: string): AgreementUnit {
  return AGREEMENT_UNITS.find((u) => u === value) ?? SETTING_DEFAULTS.agreementUnit;
}

/** A probability strictly between 0 and 1, else the default (a setting typed by hand can be anything). */
function validThreshold(x: unknown): number {
  return typeof x === 'number' && x > 0 && x < 1 ? x : SETTING_DEFAULTS['suggestions.threshold'];
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
