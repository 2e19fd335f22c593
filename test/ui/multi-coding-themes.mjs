// UI test of the INSTALLED .vsix: a span coded with two frames, seen in Light Modern, Dark Modern and Dark High
// Contrast beside a real selection (each frame its own underline style, gutter swatch and ruler lane; a label
// after the shared words names both frames), then the frame picker (swatches, group rows) and the memo editor
// (a memo of several lines typed in its own tab, saved into the sidecar as a block scalar).
// Usage: node test/ui/multi-coding-themes.mjs <baseUrl> <workspaceFolder>   (a fresh copy of test/fixtures/workspace)
// Env: SCREENSHOT_DIR (default test-results/ui), RESULTS_DIR (default test-results/ui).
import fs from 'node:fs';
import path from 'node:path';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { createAnnotation } from '../../out/src/core/annotations/index.js';
import { serializeSidecar } from '../../out/src/core/sidecar/index.js';
import { quickOpen, runUiTest, waitForDecorations, wordCenter, waitUntil } from './lib/workbench.mjs';

const FILE = 'harbour-speech.txt';
const LABEL = '⟨Digital territory · Data as a resource⟩';
const THEMES = ['Light Modern', 'Dark Modern', 'Dark High Contrast'];
const MEMO = ['Two frames meet here: the border and the resource.', '', 'Check the next speech for the same pairing.'];

/** The sidecar of the fixture text with two overlapping annotations, written by the core's own writer. */
function writeTwoCodes(folder) {
  const textPath = path.join(folder, 'texts', FILE);
  const text = fs.readFileSync(textPath, 'utf8');
  const span = (s) => [text.indexOf(s), text.indexOf(s) + s.length];
  const one = createAnnotation(
    text,
    ...span('She argued that data sovereignty'),
    'digital-territory',
    'ui-test',
    '2026-12-01',
  );
  const two = createAnnotation(
    text,
    ...span('data sovereignty means clear rules'),
    'data-resource',
    'ui-test',
    '2026-12-01',
  );
  const sidecar = { version: 1, source: FILE, sourceHash: '', codebook: 'test-fixture', annotations: [one, two] };
  fs.writeFileSync(`${textPath}.annotations.yaml`, serializeSidecar(sidecar, text));
  return `${textPath}.annotations.yaml`;
}

async function palette(page, title) {
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().click();
}

/** The overlap label as the editor renders it (injected text, or an ::after pseudo-element). */
async function labelShown(page) {
  return page.evaluate((label) => {
    for (const el of document.querySelectorAll('.monaco-editor .view-lines span')) {
      if (el.textContent?.includes(label)) return true;
      if (getComputedStyle(el, '::after').content.includes(label)) return true;
    }
    return false;
  }, LABEL);
}

await runUiTest('multi-coding-themes', async ({ folder, open }) => {
  const sidecarPath = writeTwoCodes(folder);
  const { page, lap, screenshot } = await open();
  await quickOpen(page, FILE, 'data sovereignty');
  await waitForDecorations(page, 4);
  await waitUntil('the label naming both frames', async () => ((await labelShown(page)) ? true : undefined));
  lap('two frames painted, and the label naming both shown');

  // a real selection on another line, to compare it with the annotation fills
  const at = await wordCenter(page, 'customers');
  await page.mouse.dblclick(at.x, at.y);
  await page.keyboard.press('Control+Shift+ArrowRight');
  for (const theme of THEMES) {
    await palette(page, 'Preferences: Color Theme');
    await page.locator('.quick-input-widget input').fill(theme);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: theme }).first().waitFor();
    await page.keyboard.press('Enter');
    await waitUntil(`the ${theme} theme`, async () =>
      (await page.locator('.monaco-workbench').getAttribute('class'))?.includes(
        theme.includes('High') ? 'hc-black' : theme.startsWith('Light') ? 'vs' : 'vs-dark',
      )
        ? true
        : undefined,
    );
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    assert.ok(await labelShown(page), `the label is shown in ${theme}`);
    await screenshot(`two-frames-${theme.toLowerCase().replace(/\s+/g, '-')}`);
  }

  // the picker: swatches and group rows
  const word = await wordCenter(page, 'speaker');
  await page.mouse.dblclick(word.x, word.y);
  await palette(page, 'Sovereignty Coder: Tag Selection with Frame');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'New frame' }).first().waitFor();
  const icons = await waitUntil('swatches in the frame rows', async () => {
    const n = await page.evaluate(
      () =>
        [...document.querySelectorAll('.quick-input-list .monaco-list-row *')].filter((el) =>
          getComputedStyle(el).backgroundImage.includes('data:image/svg'),
        ).length,
    );
    return n >= 2 ? n : undefined;
  });
  assert.ok(icons >= 2, `frame rows show swatches (${icons} icons)`);
  await screenshot('frame-picker');
  await page.keyboard.press('Escape');

  // the memo editor: cursor in the first annotation, "Edit Memo…", several lines, Ctrl+S
  const inside = await wordCenter(page, 'argued');
  await page.mouse.click(inside.x, inside.y);
  await palette(page, 'Sovereignty Coder: Edit Memo of Annotation at Cursor');
  const which = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Digital territory' }).first();
  if (await which.isVisible().catch(() => false)) await which.click();
  await page.locator('.tab', { hasText: 'Memo on' }).first().waitFor();
  const memoLines = page.locator('.editor-instance .monaco-editor .view-lines', { hasText: 'Quote (' }).first();
  await memoLines.click(); // the memo editor has the focus before anything is typed
  // the whole memo arrives as one input (as a paste does), at the end of the document: typed key by key, the
  // first keys could land before the editor had settled its cursor after opening (seen under load)
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText(MEMO.join('\n'));
  await waitUntil('the memo typed in the editor', async () =>
    (await page.locator('.editor-instance .monaco-editor .view-lines', { hasText: MEMO[MEMO.length - 1] }).count()) > 0
      ? true
      : undefined,
  );
  await page.keyboard.press('Control+S');
  const saved = await waitUntil('the memo in the sidecar', () => {
    const doc = parse(fs.readFileSync(sidecarPath, 'utf8'));
    return doc.annotations.find((a) => a.frame === 'digital-territory' && a.memo)?.memo;
  });
  assert.equal(saved, MEMO.join('\n'));
  assert.match(fs.readFileSync(sidecarPath, 'utf8'), /memo: \|-\n/);
  lap('memo of three lines saved as a block scalar');
  await screenshot('memo-editor');
});
