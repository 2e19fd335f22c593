// UI test of the INSTALLED .vsix: the fixture workspace is made a Git repository with one coded text
// committed; the coder then retags a decision and a second coder adds one (in the working tree). From the
// command palette, "Compare Annotations with Revision…" with HEAD shows the changes in the Annotation Changes
// tree, and the hover of a change shows both versions. Screenshots go to SCREENSHOT_DIR.
// Usage: node test/ui/compare-revision.mjs <baseUrl> <workspaceFolder>   (a fresh copy of test/fixtures/workspace)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { quickOpen, runUiTest, waitUntil } from './lib/workbench.mjs';

const require = createRequire(import.meta.url);
const { createAnnotation } = require('../../out/src/core/annotations/index.js');
const { serializeSidecar } = require('../../out/src/core/sidecar/index.js');
const { textHash } = require('../../out/src/core/text/index.js');

const FILE = 'council-minutes.txt';
const TEXT = [
  'Council minutes (written for the UI test)',
  '',
  'One member warned that digital borders would slow research.',
  'Another said data sovereignty is the first duty of the state.',
  '',
].join('\n');

function coded(quote, frame, coder, id) {
  const s = TEXT.indexOf(quote);
  return createAnnotation(TEXT, s, s + quote.length, frame, coder, '2026-11-30', id);
}
const sidecar = (list) =>
  serializeSidecar(
    { version: 1, source: FILE, sourceHash: textHash(TEXT), codebook: 'fixture', annotations: list },
    TEXT,
  );

await runUiTest('compare-revision', async ({ folder, open }) => {
  const git = (...args) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], {
      cwd: folder,
      encoding: 'utf8',
    });
  const sidecarPath = path.join(folder, 'texts', `${FILE}.annotations.yaml`);
  fs.writeFileSync(path.join(folder, 'texts', FILE), TEXT);
  fs.writeFileSync(sidecarPath, sidecar([coded('digital borders', 'digital-territory', 'alice', 'a0000000021')]));
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'first coding');
  fs.writeFileSync(
    sidecarPath,
    sidecar([
      coded('digital borders', 'data-resource', 'alice', 'a0000000021'),
      coded('data sovereignty', 'data-resource', 'bob', 'a0000000022'),
    ]),
  );

  const { page, lap, screenshot } = await open();
  await quickOpen(page, FILE, 'digital borders');
  lap(`opened ${FILE}`);
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').fill('>Sovereignty Coder: Compare Annotations with Revision');
  await page
    .locator('.quick-input-list .monaco-list-row', { hasText: 'Compare Annotations with Revision' })
    .first()
    .click();
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'HEAD' }).first().waitFor();
  await page.keyboard.type('HEAD');
  await page.keyboard.press('Enter');
  const retag = page.locator('.monaco-list-row', { hasText: 'retagged [digital-territory]' }).first();
  await retag.waitFor();
  const added = page.locator('.monaco-list-row', { hasText: '+ [data-resource] "data sovereignty"' }).first();
  await added.waitFor();
  lap('the Annotation Changes tree lists the retag and the addition');
  // a tree row's hover opens when the pointer arrives on it: leave the row and come back, as a person would,
  // until it shows (a pointer already resting there, or a hover dismissed by a repaint, shows nothing)
  const hover = page.locator('.monaco-hover:visible', { hasText: 'Working tree' });
  await waitUntil('the hover with both versions', async () => {
    if ((await hover.count()) > 0) return true;
    await page.mouse.move(5, 5);
    await retag.hover();
    await hover
      .first()
      .waitFor({ timeout: 3000 })
      .catch(() => undefined);
    return (await hover.count()) > 0 ? true : undefined;
  });
  lap('the hover shows both versions');
  await screenshot('compare-view');
});
