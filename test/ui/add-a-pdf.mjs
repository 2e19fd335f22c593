// UI test of the INSTALLED .vsix: a coder right-clicks a PDF in the explorer, picks "Add Texts to the Corpus…",
// the text appears beside it (with its origin badge), opens, and a term in it is tagged like in any text.
// The PDF is generated here by the tests' own PDF writer (out/test/unit/importFixtures/pdfWriter.js).
// Why an earlier version saw no text: the click on the menu item only highlighted it, and, once run, the
// packaged worker failed on "DOMMatrix is not defined" (the .vsix has no node_modules, so PDF.js's native
// polyfill was missing; src/core/import/domMatrix.ts). The screenshot is docs/images/added-pdf.png.
// Usage: node test/ui/add-a-pdf.mjs <baseUrl> <workspaceFolder>   (a fresh copy of test/fixtures/workspace)
import fs from 'node:fs';
import path from 'node:path';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { parse } from 'yaml';
import { openCodeActions, quickOpen, runUiTest, waitForDecorations, wordCenter, waitUntil } from './lib/workbench.mjs';

const require = createRequire(import.meta.url);
const { layoutColumn, makePdf } = require('../../out/test/unit/importFixtures/pdfWriter.js');

const PARAGRAPHS = [
  'Committee report on the data law (written for the tests)',
  'The committee warns that digital borders drawn by foreign platforms leave the region without data sovereignty, and asks the courts to act.',
  'A second paragraph, set across the page like the first, says that a sovereign internet needs laws made at home.',
];

await runUiTest('add-a-pdf', async ({ folder, open }) => {
  const pdf = path.join(folder, 'committee-report.pdf');
  const text = path.join(folder, 'committee-report.txt');
  fs.writeFileSync(
    pdf,
    makePdf({
      info: { Title: 'Committee Report', Author: 'Test Committee' },
      pages: [{ texts: layoutColumn(PARAGRAPHS, 60, 760, 470, 11) }],
    }),
  );
  const { page, lap, screenshot } = await open();
  // the extension's menus are there once it runs: open a coded text first and wait for its cues
  await quickOpen(page, 'harbour-speech.txt', 'digital borders');
  await waitForDecorations(page, 3);

  const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'committee-report.pdf' }).first();
  await row.click({ button: 'right' });
  const item = page.getByRole('menuitem', { name: /Add Texts to the Corpus/ });
  await item.waitFor();
  // A mouse click on the item right after the menu opens only highlights it (the menu ignores a click that
  // comes before it has settled: the earlier version of this test waited 30 s for nothing); Enter on the
  // highlighted item runs it, as a person using the keyboard would.
  await item.hover();
  await page.keyboard.press('Enter');
  await page.getByRole('menu').waitFor({ state: 'detached' });
  const converted = await waitUntil(`${path.basename(text)} written`, () =>
    fs.existsSync(text) && fs.existsSync(`${text}.provenance.yaml`) ? fs.readFileSync(text, 'utf8') : undefined,
  );
  assert.equal(converted, `${PARAGRAPHS.join('\n')}\n`);
  lap('the PDF was added: its text and provenance record are on disk');

  // opened from the explorer, where the new file shows at once (Quick Open's file index may not have it yet)
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'committee-report.txt' }).first().click();
  await page.locator('.editor-instance .monaco-editor .view-lines', { hasText: 'digital borders' }).waitFor();
  const shown = await waitForDecorations(page, 3);
  const at = await wordCenter(page, 'digital');
  await page.mouse.dblclick(at.x, at.y);
  await page.keyboard.press('Control+Shift+ArrowRight');
  const action = page.locator('.action-widget .monaco-list-row', { hasText: 'Tag as Digital territory' }).first();
  await openCodeActions(page, action);
  await action.click();
  const sidecar = `${text}.annotations.yaml`;
  await waitUntil('the annotation in the sidecar', () =>
    fs.existsSync(sidecar) && parse(fs.readFileSync(sidecar, 'utf8'))?.annotations?.length === 1 ? true : undefined,
  );
  await page.keyboard.press('End');
  await waitForDecorations(page, shown + 1);
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'committee-report.txt' }).first().hover();
  lap('the added text is coded');
  await screenshot('added-pdf-coded');
});
