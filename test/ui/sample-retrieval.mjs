// UI test of the INSTALLED .vsix on the SAMPLE workspace: the coder opens the Sovereignty Coder view container
// from the activity bar, expands a frame in the Coded Segments explorer, clicks a segment (its text opens with
// the coded span selected), then opens Show Frame Statistics, clicks a bar and sees those segments listed in
// the explorer. The screenshots are the ones the README shows (after looking at them).
// Usage: node test/ui/sample-retrieval.mjs <baseUrl> <workspaceFolder>   (a fresh copy of sample/)
import assert from 'node:assert/strict';
import { runUiTest, waitUntil } from './lib/workbench.mjs';

const GROUP = 'Sovereignty claims';
const FRAME = 'Digital space as sovereign territory';
const FRAME_ID = 'territory';
const TEXT = 'speech-information-space.txt';
const QUOTE = 'information space';

await runUiTest('sample-retrieval', async ({ open }) => {
  const { page, lap, screenshot } = await open();

  await page.locator('.activitybar .action-item a[aria-label^="Sovereignty Coder"]').click();
  const tree = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Coded Segments' }) });
  const groupRow = tree.locator('.monaco-list-row', { hasText: GROUP }).first();
  await groupRow.waitFor();
  lap("the explorer lists the sample's frames");
  await groupRow.click();
  const frameRow = tree.locator('.monaco-list-row', { hasText: FRAME }).first();
  await frameRow.waitFor();
  const count = Number((await frameRow.locator('.label-description').innerText()).trim());
  assert.ok(count >= 2, `the frame row shows its number of segments (${count})`);
  await frameRow.click();
  const textRow = tree.locator('.monaco-list-row', { hasText: TEXT }).first();
  await textRow.click();
  const segmentRow = tree.locator('.monaco-list-row', { hasText: QUOTE }).first();
  await segmentRow.waitFor();
  await segmentRow.click();
  await page.locator('.tab.active', { hasText: TEXT }).waitFor();
  const selected = await waitUntil('the coded span selected in the editor', async () => {
    const n = await page.locator('.editor-instance .monaco-editor .selected-text').count();
    return n > 0 ? n : undefined;
  });
  lap(`clicked '${QUOTE}': ${TEXT} opened with the span selected (${selected} selection box(es))`);
  await screenshot('segments-explorer');

  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').fill('>Sovereignty Coder: Show Frame Statistics');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Show Frame Statistics' }).first().click();
  const stats = page.frameLocator('iframe.webview').frameLocator('iframe#active-frame');
  const bar = stats.locator(`g.bar[data-frame="${FRAME_ID}"]`).first();
  await bar.waitFor();
  assert.ok((await stats.locator('g.cell').count()) >= 4, 'the co-occurrence heatmap is drawn');
  assert.ok((await stats.locator('g.coverage').count()) >= 2, 'coverage bars are drawn');
  lap('statistics shown: bars, heatmap, coverage');
  await bar.locator('rect').click();
  const listed = tree.locator('.monaco-list-row', { hasText: `Listed: ${FRAME} (${count})` }).first();
  await listed.waitFor();
  lap(`clicking the bar lists its ${count} segments in the explorer`);
  await screenshot('frame-statistics');
});
