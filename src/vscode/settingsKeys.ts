/**
 * The extension's settings as a table with no `vscode` import: their keys, types and defaults, mirrored by
 * package.json `contributes.configuration`. settings.ts reads VS Code's configuration through it, and a plain
 * node unit test (test/unit/manifest.test.ts) checks that package.json declares exactly these keys with these
 * defaults, so the manifest and the reader cannot drift apart.
 */

import type { AgreementUnit } from '../core/agreement/units';

export const SETTINGS_SECTION = 'sovereigntyCoder';

/** Where frame colours come from (the `enum` of `sovereigntyCoder.frameColors`). */
export const FRAME_COLOR_SOURCES = ['codebook', 'theme'] as const;

export interface Settings {
  coder: string;
  codebookPath: string;
  languages: string[];
  frameColors: (typeof FRAME_COLOR_SOURCES)[number];
  showCues: boolean;
  openWalkthroughOnFirstRun: boolean;
  /** The unit of analysis of the agreement report (docs/agreement.md). */
  agreementUnit: AgreementUnit;
  /** The coder the adjudicated decisions of *Compare Coders…* are written as (docs/adjudication.md). */
  consensusCoder: string;
  /** Frame suggestions learned from the workspace's coding (off until a coder turns them on). */
  'suggestions.enabled': boolean;
  /** Suggest a frame at this probability or more. */
  'suggestions.threshold': number;
}

/** The value of each setting nobody has set; package.json's `default`s are the same values. */
export const SETTING_DEFAULTS: Readonly<Settings> = Object.freeze({
  coder: '',
  codebookPath: '',
  languages: ['plaintext', 'markdown'],
  frameColors: 'codebook',
  showCues: true,
  openWalkthroughOnFirstRun: true,
  agreementUnit: 'sentence',
  consensusCoder: 'consensus',
  'suggestions.enabled': false,
  'suggestions.threshold': 0.5,
});
