// UI test of the first minutes on the SAMPLE workspace (what `npm start` opens): *Sovereignty Coder: Get
// Started* opens the walkthrough with its five steps, from a first text to an export. (On a user's first run
// the extension opens the workspace README and the walkthrough by itself; the test instances turn that off so
// that no welcome tab takes the focus from other tests.)
// Usage: node test/ui/sample-welcome.mjs <baseUrl> <workspaceFolder>   (a fresh copy of sample/)
// Env: SCREENSHOT_DIR (default test-results/ui), RESULTS_DIR (default test-results/ui).
import assert from 'node:assert/strict';
import { quickOpen, runUiTest, waitForDecorations } from './lib/workbench.mjs';

const STEPS = [
  'Open a text to code',
  'Tag a passage with a frame',
  'Write a memo',
  'Compare two coders',
  'Export for analysis',
];

await runUiTest('sample-welcome', async ({ open }) => {
  const { page, lap, screenshot } = await open();
  // a coded text first: the palette lists the extension's commands once the workbench has its contributions
  await quickOpen(page, 'speech-information-space.txt', 'information space');
  await waitForDecorations(page, 10);
  lap('a sample text is open and painted');

  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').fill('>Sovereignty Coder: Get Started');
  await page
    .locator('.quick-input-list .monaco-list-row', { hasText: 'Sovereignty Coder: Get Started' })
    .first()
    .click();
  const walkthrough = page.locator('.gettingStartedContainer');
  await walkthrough.locator('h2', { hasText: 'Code sovereignty discourse' }).first().waitFor();
  const shown = [];
  for (const step of STEPS) {
    await walkthrough.locator('.getting-started-step', { hasText: step }).first().waitFor();
    shown.push(step);
  }
  assert.deepEqual(shown, STEPS);
  lap(`walkthrough open with its steps: ${shown.join(' | ')}`);
  await screenshot('walkthrough');
});
