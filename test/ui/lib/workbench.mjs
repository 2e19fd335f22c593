// Helpers for UI tests that drive the real VS Code workbench (code-server) in Debian's Chromium through
// playwright-core, as a person would: keyboard, mouse, what is on screen. Every wait is for a condition.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** How long a single UI condition may take; activation alone takes 5-7 s after the explorer appears. */
export const STEP_TIMEOUT_MS = Number(process.env.UI_STEP_TIMEOUT_MS || 30000);

/**
 * Opens the workbench on `folder` in a fresh headless Chromium profile that can reach only `base`.
 * Returns { page, close, lap, screenshot, consoleErrors }.
 */
export async function openWorkbench(base, folder, { screenshotDir, name }) {
  const t0 = Date.now();
  const lap = (message) => console.log(`[${name} +${((Date.now() - t0) / 1000).toFixed(1)}s] ${message}`);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'sovcoder-chromium-'));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
    // keep Chromium's crashpad and dconf files out of $HOME
    env: { ...process.env, HOME: profile, XDG_CONFIG_HOME: `${profile}/.config`, XDG_CACHE_HOME: `${profile}/.cache` },
  });
  // Offline machine: abort everything that is not the local server (extension gallery, sign-in, fonts...).
  await ctx.route(
    (u) => !u.href.startsWith(base),
    (r) => r.abort(),
  );
  const page = ctx.pages()[0] || (await ctx.newPage());
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  const consoleErrors = [];
  // What an offline workbench always logs (gallery, sign-in, missing web assets) is noise; anything else is shown.
  const offlineNoise =
    /Failed to load resource|ENOTFOUND|authentication provider 'github'|ERR_FAILED|ERR_INTERNET_DISCONNECTED/;
  page.on('console', (m) => {
    const text = m.text().split('\n')[0];
    if (m.type() === 'error' && !offlineNoise.test(text)) consoleErrors.push(text);
  });
  page.on('pageerror', (e) => consoleErrors.push('pageerror: ' + e.message));
  fs.mkdirSync(screenshotDir, { recursive: true });
  let shot = 0;
  const screenshot = async (label) => {
    const file = path.join(screenshotDir, `${name}-${String(++shot).padStart(2, '0')}-${label}.png`);
    await page.screenshot({ path: file });
    lap(`screenshot ${path.relative(process.cwd(), file)}`);
  };
  const close = async () => {
    await ctx.close();
    fs.rmSync(profile, { recursive: true, force: true });
  };
  await page.goto(`${base}/?folder=${encodeURIComponent(folder)}`);
  await page.locator('.monaco-workbench').waitFor();
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60000 });
  lap('workbench and explorer shown');
  return { page, close, lap, screenshot, consoleErrors };
}

/** Opens a file with Quick Open (Ctrl+P) and waits until the editor shows `expectedText`. */
export async function quickOpen(page, fileName, expectedText) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(fileName);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: fileName }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.editor-instance .monaco-editor .view-lines', { hasText: expectedText }).waitFor();
}

/**
 * Presses Ctrl+. until the code action menu shows `item` (a locator). A person presses again when the menu does
 * not open; so do we: right after a selection change the workbench sometimes drops the first Ctrl+.
 */
export async function openCodeActions(page, item, attempts = 3) {
  // Like a person, wait until the lightbulb shows that the editor has the actions for this selection.
  // It shows in the text, or in the gutter when the line above has text where it would go; a hidden tab's
  // editor keeps a widget too, so only a visible one counts.
  await page
    .locator('.monaco-editor .lightBulbWidget:visible, .monaco-editor .codicon-gutter-lightbulb:visible')
    .first()
    .waitFor();
  for (let i = 1; ; i++) {
    await page.keyboard.press('Control+.');
    try {
      await item.waitFor({ timeout: i < attempts ? 5000 : STEP_TIMEOUT_MS });
      return;
    } catch (err) {
      const shown = await page.evaluate(() =>
        [...document.querySelectorAll('.action-widget .monaco-list-row, .monaco-editor-overlaymessage')]
          .map((e) => e.textContent.trim())
          .filter(Boolean)
          .join(' | '),
      );
      if (i >= attempts)
        throw new Error(
          `Ctrl+. did not offer the expected action; on screen: ${shown || 'nothing'} (${err.message.split('\n')[0]})`,
        );
      console.log(
        `Ctrl+. did not offer the expected action (attempt ${i}); on screen: ${shown || 'nothing'}; pressing it again`,
      );
    }
  }
}

/** Number of decoration elements (class `ced-…`, spans inline or overlay divs) in the active editor. */
export function countDecorations(page) {
  return page.evaluate(
    () =>
      document.querySelectorAll(
        '.editor-instance .monaco-editor [class^="ced-"], .editor-instance .monaco-editor [class*=" ced-"]',
      ).length,
  );
}

/** Waits until the active editor shows at least `min` decoration elements; returns how many. */
export async function waitForDecorations(page, min) {
  try {
    await page.waitForFunction(
      (n) =>
        document.querySelectorAll(
          '.editor-instance .monaco-editor [class^="ced-"], .editor-instance .monaco-editor [class*=" ced-"]',
        ).length >= n,
      min,
    );
  } catch (err) {
    throw new Error(
      `expected at least ${min} decorations (ced-* elements) in the editor, saw ${await countDecorations(page)}: ${err.message.split('\n')[0]}`,
    );
  }
  return countDecorations(page);
}

/** Screen coordinates of the middle of the first occurrence of `word` in the active editor's rendered lines. */
export async function wordCenter(page, word) {
  const point = await page.evaluate((w) => {
    const lines = document.querySelector('.editor-instance .monaco-editor .view-lines');
    if (!lines) return null;
    const walker = document.createTreeWalker(lines, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      // Monaco renders spaces as U+00A0.
      const at = node.textContent.replace(/\u00a0/g, ' ').indexOf(w);
      if (at === -1) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + w.length);
      const r = range.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }
    return null;
  }, word);
  if (!point) throw new Error(`'${word}' is not on screen in the active editor`);
  return point;
}

/** Polls `probe` until it returns a value other than undefined; throws after `ms`. */
export async function waitUntil(what, probe, ms = STEP_TIMEOUT_MS) {
  const end = Date.now() + ms;
  let last;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > end)
      throw new Error(`timed out after ${ms} ms waiting for ${what}${last ? ` (last error: ${last.message})` : ''}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * Presses `key` until `probe` answers (as waitUntil), pressing again every `everyMs`. For keys whose binding
 * depends on a context key the extension sets (Ctrl+Z undoes coding only while "a coding step is next" is true):
 * under load the renderer can learn the key after the press, which then goes to the text's undo, a no-op here.
 * Use it only where a repeated press cannot do more than the first (one step on the stack).
 */
export async function pressUntil(page, key, what, probe, everyMs = 3000, ms = STEP_TIMEOUT_MS) {
  const end = Date.now() + ms;
  for (;;) {
    await page.keyboard.press(key);
    const left = end - Date.now();
    try {
      return await waitUntil(what, probe, Math.max(0, Math.min(everyMs, left)));
    } catch (err) {
      if (Date.now() >= end) throw new Error(`timed out after ${ms} ms pressing ${key} for ${what}`, { cause: err });
    }
  }
}

/** Writes this UI test's counts where scripts/test.sh sums them, and prints its one-line verdict. */
export function writeResult(resultsDir, name, error) {
  fs.mkdirSync(resultsDir, { recursive: true });
  const result = { passed: error ? 0 : 1, failed: error ? 1 : 0, failures: error ? [`${name}: ${error.message}`] : [] };
  fs.writeFileSync(path.join(resultsDir, `${name}.json`), JSON.stringify(result, null, 2) + '\n');
  console.log(error ? `UI FAIL ${name}: ${error.stack || error.message}` : `UI PASS ${name}`);
}

/**
 * The frame of every UI test: reads `<baseUrl> <workspaceFolder>` from the command line, runs
 * `body({ folder, open })` (`open()` opens the workbench on the folder and returns what openWorkbench does),
 * takes a failure screenshot, prints the browser's console errors, writes the result and exits.
 */
export async function runUiTest(name, body) {
  const [base, folder] = process.argv.slice(2);
  if (!base || !folder) {
    console.error(`usage: node test/ui/${name}.mjs <baseUrl> <workspaceFolder>`);
    process.exit(2);
  }
  const screenshotDir = process.env.SCREENSHOT_DIR || 'test-results/ui';
  const resultsDir = process.env.RESULTS_DIR || 'test-results/ui';
  let error;
  let wb;
  try {
    await body({ folder, open: async () => (wb = await openWorkbench(base, folder, { screenshotDir, name })) });
  } catch (err) {
    error = err instanceof Error ? err : new Error(String(err));
    if (wb) await wb.screenshot('failure').catch((e) => console.log(`no failure screenshot: ${e.message}`));
  } finally {
    if (wb?.consoleErrors.length)
      console.log(`browser console errors:\n  ${wb.consoleErrors.slice(0, 10).join('\n  ')}`);
    await wb?.close();
  }
  writeResult(resultsDir, name, error);
  process.exit(error ? 1 : 0);
}
