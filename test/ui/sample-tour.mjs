// UI test of the INSTALLED .vsix on the SAMPLE workspace that `npm start` opens (a fresh copy of sample/): what a
// newcomer sees in the first minute. Cues inside unspaced Chinese are underlined and their hover names the
// frame; the pre-coded speech shows its annotations with the sample coder's memo in the hover; the two sample
// coders' agreement report opens from the command palette, its unitizing table further down. The screenshots
// are the ones the README shows (docs/images/ is refreshed from them by hand, after looking at them).
// Usage: node test/ui/sample-tour.mjs <baseUrl> <workspaceFolder>   (a fresh copy of sample/)
// Env: SCREENSHOT_DIR (default test-results/ui), RESULTS_DIR (default test-results/ui).
import fs from 'node:fs';
import path from 'node:path';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { quickOpen, runUiTest, waitForDecorations, wordCenter } from './lib/workbench.mjs';

const ZH_FILE = 'state-media-zh.txt';
const ZH_TERM = '网络主权';
const ZH_FRAME = 'Cyber sovereignty as a norm of non-interference';
const CODED_FILE = 'speech-information-space.txt';

/** Hovers the first occurrence of `word` and returns the hover's text once it shows `expected`. */
async function hoverText(page, word, expected) {
  const at = await wordCenter(page, word);
  await page.mouse.move(at.x, at.y - 30);
  await page.mouse.move(at.x, at.y, { steps: 5 });
  const hover = page.locator('.monaco-hover:visible', { hasText: expected }).first();
  await hover.waitFor();
  return (await hover.innerText()).trim();
}

await runUiTest('sample-tour', async ({ folder, open }) => {
  const sidecarPath = path.join(folder, `${CODED_FILE}.annotations.yaml`);
  const memoOnDisk = parse(fs.readFileSync(sidecarPath, 'utf8')).annotations.find(
    (a) => a.memo && a.quote === 'information space',
  );
  assert.ok(memoOnDisk, `the sample sidecar ${sidecarPath} has a memo on 'information space'`);
  const sidecarBefore = fs.readFileSync(sidecarPath);

  const { page, lap, screenshot } = await open();

  await quickOpen(page, ZH_FILE, ZH_TERM);
  lap(`opened ${ZH_FILE}`);
  // The heading alone holds two cues (主权人工智能, 网络主权); the first screenful holds many more.
  const zhCues = await waitForDecorations(page, 10);
  lap(`cues in unspaced Chinese shown (${zhCues} ced-* elements)`);
  const zhHover = await hoverText(page, ZH_TERM, ZH_FRAME);
  assert.match(zhHover, /Include|include/, "the hover gives the frame's inclusion guidance");
  lap(`hover on ${ZH_TERM}: ${zhHover.split('\n')[0]}`);
  await screenshot('chinese-cues-hover');

  await page.keyboard.press('Escape');
  await quickOpen(page, CODED_FILE, 'information space');
  lap(`opened ${CODED_FILE}`);
  const painted = await waitForDecorations(page, 10);
  lap(`cues and pre-coded annotations shown (${painted} ced-* elements)`);
  const codedHover = await hoverText(page, 'information space', 'sample-coder');
  assert.ok(
    codedHover.includes('speaker explains the choice'),
    `the annotation hover shows the memo; it shows: ${codedHover}`,
  );
  lap(`hover on the annotation shows coder and memo`);
  await screenshot('coded-speech-hover');

  assert.deepEqual(
    fs.readFileSync(sidecarPath),
    sidecarBefore,
    'opening and hovering a coded text leaves its sidecar byte-identical',
  );
  lap('sample sidecar unchanged on disk');

  // The two sample coders' agreement, from the command palette, in a webview beside the editor.
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').fill('>Sovereignty Coder: Show Inter-coder Agreement');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Show Inter-coder Agreement' }).first().click();
  const report = page.frameLocator('iframe.webview').frameLocator('iframe#active-frame');
  await report.locator('h1', { hasText: 'Inter-coder agreement' }).waitFor();
  const coders = await report.locator('p', { hasText: 'coders' }).first().innerText();
  assert.match(coders, /sample-coder, second-coder/);
  assert.ok((await report.locator('svg rect.kappa').count()) >= 2, 'kappa bars are drawn');
  lap(`agreement report shown: ${coders.trim()}`);
  await screenshot('agreement-report');

  // Further down the same page: Krippendorff's unitizing alphas over the span boundaries.
  const unitizing = report.locator('h2', { hasText: 'Unitizing (span boundaries)' });
  await unitizing.scrollIntoViewIfNeeded();
  const overall = await report.locator('table.unitizing tr', { hasText: 'All frames' }).innerText();
  assert.match(overall, /-?\d\.\d{3}/, `the overall unitizing row has figures: ${overall}`);
  lap(`unitizing table shown: ${overall.replace(/\s+/g, ' ').trim()}`);
  await screenshot('agreement-unitizing');
});
