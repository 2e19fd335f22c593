// UI test of the INSTALLED .vsix (issue 15): a sidecar's temporary copy left by a killed save, ten minutes
// old, is announced when its text is opened; the coder clicks the notification's real "Delete Them" button
// and the copy is gone, the sidecar kept. (test/integration/prompts.test.ts drives both buttons through the
// test API; here a person's click on the workbench's own notification.)
// Usage: node test/ui/stale-temp-notification.mjs <baseUrl> <workspaceFolder>   (a fresh copy of test/fixtures/workspace)
import fs from 'node:fs';
import path from 'node:path';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { quickOpen, runUiTest, waitForDecorations, waitUntil } from './lib/workbench.mjs';

const require = createRequire(import.meta.url);
const { createAnnotation } = require('../../out/src/core/annotations/index.js');
const { serializeSidecar } = require('../../out/src/core/sidecar/index.js');

const FILE = 'harbour-speech.txt';

await runUiTest('stale-temp-notification', async ({ folder, open }) => {
  const text = path.join(folder, 'texts', FILE);
  const body = fs.readFileSync(text, 'utf8');
  const start = body.indexOf('digital borders');
  const sidecar = `${text}.annotations.yaml`;
  const a = createAnnotation(
    body,
    start,
    start + 'digital borders'.length,
    'digital-territory',
    'tester',
    '2026-12-02',
  );
  fs.writeFileSync(
    sidecar,
    serializeSidecar({ version: 1, source: FILE, sourceHash: '', codebook: 'test-fixture', annotations: [a] }, body),
  );
  const temp = path.join(folder, 'texts', `.${FILE}.annotations.yaml.0123456789ab.tmp`);
  fs.copyFileSync(sidecar, temp);
  const tenMinutesAgo = (Date.now() - 10 * 60 * 1000) / 1000;
  fs.utimesSync(temp, tenMinutesAgo, tenMinutesAgo);

  const { page, lap, screenshot } = await open();
  await quickOpen(page, FILE, 'digital borders');
  await waitForDecorations(page, 3);
  const toast = page.locator('.notification-toast', { hasText: 'left by interrupted saves' }).first();
  await toast.waitFor();
  assert.match(await toast.innerText(), /1 temporary copy of texts\/harbour-speech\.txt\.annotations\.yaml/);
  lap('the stale temporary copy is announced');
  await screenshot('announced');
  await toast.getByRole('button', { name: 'Delete Them' }).click();
  await waitUntil('the temporary copy deleted', () => (fs.existsSync(temp) ? undefined : true));
  assert.ok(fs.existsSync(sidecar), 'the sidecar itself is kept');
  lap('Delete Them removed the copy and kept the sidecar');
  await toast.waitFor({ state: 'detached' });
  const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: '0123456789ab.tmp' });
  await waitUntil('the explorer without the copy', async () => ((await row.count()) === 0 ? true : undefined));
  await screenshot('deleted');
});
