// UI test of the INSTALLED .vsix: the coding flow with a person's keys. Tag a term from the lightbulb (whose
// menu must not file our actions under "Quick Fix": screenshot), press Ctrl+Z (the sidecar loses the tag) and
// Ctrl+Shift+Z (it comes back), type and press Ctrl+Z (the typing goes, the tag stays); then tag all occurrences
// of a cue, undo that from its notice and redo it with Ctrl+Shift+Z, walk them with Alt+Shift+N, accept one from
// the lightbulb (screenshot of the walk), remove one and put it back with its notice's Undo.
// Usage: node test/ui/undo-and-review.mjs <baseUrl> <workspaceFolder>   (a fresh copy of test/fixtures/workspace)
import fs from 'node:fs';
import path from 'node:path';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import {
  openCodeActions,
  pressUntil,
  quickOpen,
  runUiTest,
  waitForDecorations,
  wordCenter,
  waitUntil,
} from './lib/workbench.mjs';

const FILE = 'harbour-speech.txt';
const TERM = 'digital borders';
const FRAME_LABEL = 'Digital territory';
// Written by this test: three occurrences of one cue term for the review walk.
const WALK_FILE = 'walk-notes.txt';
const WALK_TEXT = [
  'Walk notes (written for the tests)',
  '',
  'First, the speaker praised open digital borders for trade.',
  'Then a guest asked who would guard digital borders at night.',
  'Last, a student doubted that digital borders exist at all.',
  '',
].join('\n');

function annotationsIn(sidecar) {
  if (!fs.existsSync(sidecar)) return undefined;
  const doc = parse(fs.readFileSync(sidecar, 'utf8'));
  return Array.isArray(doc?.annotations) ? doc.annotations : undefined;
}

/** The text of the active editor's rendered lines (Monaco renders spaces as U+00A0). */
function editorText(page) {
  return page.evaluate(() =>
    (document.querySelector('.editor-instance .monaco-editor .view-lines')?.textContent ?? '').replace(/\u00a0/g, ' '),
  );
}

/**
 * Ctrl+. until the menu shows `item`. Not the shared openCodeActions: with a second editor open, the first
 * lightbulb element it waits for is the hidden one of the other tab.
 */
async function codeActionsShowing(page, item) {
  for (let i = 1; ; i++) {
    await page.keyboard.press('Control+.');
    try {
      await item.waitFor({ timeout: 5000 });
      return;
    } catch (err) {
      if (i >= 4) throw err;
      await page.keyboard.press('Escape');
    }
  }
}

/** Selects `word` and the next word like a person: double-click, then Ctrl+Shift+Right. */
async function selectTwoWords(page, first, expected) {
  const at = await wordCenter(page, first);
  await page.mouse.dblclick(at.x, at.y);
  await page.keyboard.press('Control+Shift+ArrowRight');
  await page.locator('.statusbar-item', { hasText: `(${expected.length} selected)` }).waitFor();
}

await runUiTest('undo-and-review', async ({ folder, open }) => {
  const sidecar = path.join(folder, 'texts', `${FILE}.annotations.yaml`);
  // the text of the review walk is there before the workbench opens: Quick Open's file index can lag behind a
  // file written during the session by more than the test waits (seen under load)
  fs.writeFileSync(path.join(folder, 'texts', WALK_FILE), WALK_TEXT);
  const { page, lap, screenshot } = await open();

  await quickOpen(page, FILE, TERM);
  await waitForDecorations(page, 3);
  await selectTwoWords(page, 'digital', TERM);
  const tagAs = page.locator('.action-widget .monaco-list-row', { hasText: `Tag as ${FRAME_LABEL}` }).first();
  await openCodeActions(page, tagAs);
  const headers = (await page.locator('.action-widget .monaco-list-row.group-header').allInnerTexts()).map((t) =>
    t.trim(),
  );
  lap(`lightbulb menu headers: ${headers.join(' | ') || '(none)'}`);
  await screenshot('lightbulb-menu');
  assert.equal(
    headers.some((h) => /quick fix/i.test(h)),
    false,
    `our actions sit under a Quick Fix header: ${headers.join(' | ')}`,
  );
  await tagAs.click();
  const tagged = await waitUntil('the tag in the sidecar', () =>
    annotationsIn(sidecar)?.some((a) => a.quote === TERM) ? annotationsIn(sidecar) : undefined,
  );
  lap(`tagged '${TERM}' (${tagged.length} annotation)`);

  // pressed again if the first press raced the context key (pressUntil says why); the stack holds one step
  await pressUntil(page, 'Control+Z', 'Ctrl+Z to take the tag out of the sidecar', () =>
    annotationsIn(sidecar)?.length === 0 ? true : undefined,
  );
  lap('Ctrl+Z undid the tag (sidecar empty)');
  await pressUntil(page, 'Control+Shift+Z', 'Ctrl+Shift+Z to put it back', () =>
    annotationsIn(sidecar)?.length === 1 ? true : undefined,
  );
  lap('Ctrl+Shift+Z redid it');

  await page.keyboard.press('End');
  await page.keyboard.type(' Indeed.');
  await waitUntil('the typing on screen', async () =>
    (await editorText(page)).includes('said. Indeed.') ? true : undefined,
  );
  await page.keyboard.press('Control+Z');
  await waitUntil("Ctrl+Z after typing to undo the typing (the text's own undo)", async () =>
    (await editorText(page)).includes('Indeed.') ? undefined : true,
  );
  assert.equal(annotationsIn(sidecar)?.length, 1, 'the tag must stay when Ctrl+Z undoes typing');
  lap('Ctrl+Z after typing undid the typing; the tag stayed');

  // The review walk over a bulk tag.
  const walkSidecar = path.join(folder, 'texts', `${WALK_FILE}.annotations.yaml`);
  await quickOpen(page, WALK_FILE, 'Walk notes');
  await waitForDecorations(page, 3);
  const at = await wordCenter(page, 'digital');
  await page.mouse.click(at.x, at.y);
  const tagAll = page.locator('.action-widget .monaco-list-row', { hasText: 'Tag all 3 occurrences' }).first();
  await codeActionsShowing(page, tagAll);
  await tagAll.click();
  await waitUntil('three to review in the sidecar', () =>
    annotationsIn(walkSidecar)?.filter((a) => a.status === 'needs-review').length === 3 ? true : undefined,
  );
  const notice = page.locator('.notification-toast', { hasText: 'Tagged 3 occurrences' });
  await notice.waitFor();
  await screenshot('bulk-tag-notice');
  await notice.locator('.monaco-button', { hasText: 'Undo' }).click();
  await waitUntil("the notice's Undo to take the bulk tag out at once", () =>
    annotationsIn(walkSidecar)?.length === 0 ? true : undefined,
  );
  lap('Undo in the bulk-tag notice took all three out');
  const back = await wordCenter(page, 'digital');
  await page.mouse.click(back.x, back.y); // the editor has the focus again, the caret in the first occurrence
  await page.keyboard.press('Control+Shift+Z');
  await waitUntil('Ctrl+Shift+Z to bring the three back', () =>
    annotationsIn(walkSidecar)?.filter((a) => a.status === 'needs-review').length === 3 ? true : undefined,
  );
  await page.keyboard.press('Alt+Shift+N');
  await page.locator('.statusbar-item', { hasText: 'review 2 of 3' }).waitFor();
  lap('Alt+Shift+N: the status bar says "review 2 of 3"');
  const accept = page.locator('.action-widget .monaco-list-row', { hasText: "Accept 'digital borders'" }).first();
  await codeActionsShowing(page, accept);
  await screenshot('review-walk');
  await accept.click();
  await waitUntil('one accepted in the sidecar', () =>
    annotationsIn(walkSidecar)?.filter((a) => a.status === 'needs-review').length === 2 ? true : undefined,
  );
  await page.locator('.statusbar-item', { hasText: 'review 2 of 2' }).waitFor();
  lap('accepted from the lightbulb; the walk moved on to "review 2 of 2"');

  // A removal asks nothing; its notice offers Undo.
  const remove = page.locator('.action-widget .monaco-list-row', { hasText: 'Remove annotation' }).first();
  await codeActionsShowing(page, remove);
  await remove.click();
  await waitUntil('the removal in the sidecar', () => (annotationsIn(walkSidecar)?.length === 2 ? true : undefined));
  const removed = page.locator('.notification-toast', { hasText: 'Removed the annotation' });
  await removed.waitFor();
  await removed.locator('.monaco-button', { hasText: 'Undo' }).click();
  await waitUntil("the removal's Undo to put it back", () =>
    annotationsIn(walkSidecar)?.length === 3 ? true : undefined,
  );
  lap('removed without a question; Undo in its notice put it back');
});
