// UI test of the INSTALLED .vsix in the real VS Code workbench: a coder opens a text with Quick Open, sees the
// codebook's cue terms highlighted, selects a term, presses Ctrl+. and picks "Tag as <frame>", and the
// annotation lands in the sidecar file beside the text. Screenshots at each key step go to SCREENSHOT_DIR.
// Usage: node test/ui/code-a-term.mjs <baseUrl> <workspaceFolder>   (a fresh copy of test/fixtures/workspace)
// Env: SCREENSHOT_DIR (default test-results/ui), RESULTS_DIR (default test-results/ui).
import fs from 'node:fs';
import path from 'node:path';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { openCodeActions, quickOpen, runUiTest, waitForDecorations, wordCenter, waitUntil } from './lib/workbench.mjs';

const FILE = 'harbour-speech.txt';
const TERM = 'digital borders';
const FRAME_ID = 'digital-territory';
const FRAME_LABEL = 'Digital territory';
// Cue terms of the fixture codebook in this text: digital borders, data sovereignty, sovereign internet.
const CUES_IN_FILE = 3;

/** The annotations the sidecar holds now, or undefined while it does not exist or is being written. */
function sidecarAnnotations(sidecar) {
  if (!fs.existsSync(sidecar)) return undefined;
  const doc = parse(fs.readFileSync(sidecar, 'utf8'));
  return Array.isArray(doc?.annotations) ? doc.annotations : undefined;
}

await runUiTest('code-a-term', async ({ folder, open }) => {
  const sidecar = path.join(folder, 'texts', `${FILE}.annotations.yaml`);
  assert.equal(fs.existsSync(sidecar), false, `${sidecar} exists before the test: the workspace copy is not fresh`);
  const { page, lap, screenshot } = await open();

  await quickOpen(page, FILE, 'digital borders');
  lap(`opened ${FILE} with Quick Open`);

  const shown = await waitForDecorations(page, CUES_IN_FILE);
  lap(`cue highlights shown (${shown} ced-* elements)`);
  await screenshot('cues');

  // Select the two-word term like a person: double-click the first word, extend by one word with Ctrl+Shift+Right.
  const at = await wordCenter(page, 'digital');
  await page.mouse.dblclick(at.x, at.y);
  await page.keyboard.press('Control+Shift+ArrowRight');
  await page.locator('.statusbar-item', { hasText: `(${TERM.length} selected)` }).waitFor();
  lap(`selected '${TERM}'; hover shown: ${await page.locator('.monaco-hover:visible').count()}`);

  const action = page.locator('.action-widget .monaco-list-row', { hasText: `Tag as ${FRAME_LABEL}` }).first();
  await openCodeActions(page, action);
  const offered = (await page.locator('.action-widget .monaco-list-row').allInnerTexts())
    .map((t) => t.trim())
    .filter(Boolean);
  lap(`Ctrl+. offers: ${offered.join(' | ')}`);
  await screenshot('code-actions');
  await action.click();

  const annotations = await waitUntil(`an annotation of '${TERM}' in ${path.basename(sidecar)}`, () => {
    const list = sidecarAnnotations(sidecar);
    return list?.some((a) => a.frame === FRAME_ID) ? list : undefined;
  });
  const ours = annotations.filter((a) => a.frame === FRAME_ID);
  assert.equal(ours.length, 1, `expected one ${FRAME_ID} annotation, found ${ours.length}`);
  assert.equal(ours[0].quote, TERM);
  lap(`sidecar has frame ${FRAME_ID} on '${ours[0].quote}'`);

  // The coded span is now painted as an annotation (a background decoration on top of the cue underline).
  await page.keyboard.press('End'); // drop the selection so the annotation's own colour is what shows
  const painted = await waitForDecorations(page, shown + 1);
  lap(`annotation painted (${painted} ced-* elements, ${shown} before tagging)`);
  await screenshot('tagged');
});
