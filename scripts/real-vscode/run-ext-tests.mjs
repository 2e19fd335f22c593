// Runs the extension's mocha integration tests INSIDE code-server's Node extension host: the web-workbench
// equivalent of @vscode/test-electron's --extensionDevelopmentPath / --extensionTestsPath.
// The server MUST have been started with `--vscode-option enable-smoke-test-driver` (else the workbench ignores
// the URL payload and nothing runs: this then ends with a timeout, exit 124).
// Usage: node run-ext-tests.mjs <baseUrl> <workspaceFolder> <extensionDevelopmentPath> <extensionTestsPath>
// Exit code: mocha's (0 all passed, 1 some failed), 124 on timeout, 2 on a harness error.
// Env: TEST_TIMEOUT_MS (default 240000), VERBOSE=1 (also print the workbench's routine log lines),
//      SCREENSHOT_DIR (where a screenshot goes when the run times out),
//      EXTRA_EXTENSION_PATHS (':'-separated folders of test-only extensions loaded beside the one under test,
//      e.g. test/fixtures/test-language-model: the workbench takes several extensionDevelopmentPath entries),
// A test can ask for a screenshot of the workbench as it is at that moment by logging `sovcoder-screenshot: <path>.png`;
// the PNG appears at that path, which the test waits for (the extension host runs on this machine).
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { format } from 'node:util';

const [base, folder, extDev, testsPath] = process.argv.slice(2);
if (!base || !folder || !extDev || !testsPath) {
  console.error(
    'usage: node run-ext-tests.mjs <baseUrl> <workspaceFolder> <extensionDevelopmentPath> <extensionTestsPath>',
  );
  process.exit(2);
}
const TIMEOUT_MS = Number(process.env.TEST_TIMEOUT_MS || 240000);
const authority = new URL(base).host; // code-server's remote authority is host:port
const remote = (p) => `vscode-remote://${authority}${p}`;
const extra = (process.env.EXTRA_EXTENSION_PATHS || '').split(':').filter(Boolean);
const payload = [
  ['extensionDevelopmentPath', remote(extDev)],
  ...extra.map((p) => ['extensionDevelopmentPath', remote(path.resolve(p))]),
  ['extensionTestsPath', remote(testsPath)],
];
const url = `${base}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
const t0 = Date.now();
// Routine workbench chatter on an offline machine; hidden unless VERBOSE is set.
const quiet =
  /^(Resolving connection token|Resolved connection token|Creating a socket|\[reconnection-grace-time\]|Updating additional builtin|\[Service Worker\]|\[AgentHost|\[AccountPolicyGate\]|Timed out waiting for authentication provider|getaddrinfo ENOTFOUND|Canceled)/;

const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'sovcoder-chromium-'));
let exitCode = 2;
let ctx;
try {
  ctx = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
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
  await ctx.route(
    (u) => !u.href.startsWith(base),
    (r) => r.abort(),
  ); // offline: never leave 127.0.0.1
  const page = ctx.pages()[0] || (await ctx.newPage());

  // The workbench forwards the extension host's output to window.codeAutomationLog and calls
  // window.codeAutomationExit(code) when the test module's run() settles.
  let resolveExit;
  const exited = new Promise((r) => {
    resolveExit = r;
  });
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const text = format(...args);
    const shot = /^sovcoder-screenshot: (\S+\.png)$/.exec(text);
    if (shot) void takeScreenshot(shot[1]);
    if (process.env.VERBOSE || !quiet.test(text)) console.log(text);
  });
  // written to a temp name and renamed, so that the waiting test never sees half a PNG
  const takeScreenshot = async (file) => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // notifications and their list slide in over a few hundred milliseconds: let them settle before the picture
    await page.waitForTimeout(1000);
    await page.screenshot({ path: `${file}.part.png` });
    fs.renameSync(`${file}.part.png`, file);
  };
  await page.exposeFunction('codeAutomationExit', (code) => resolveExit(code));
  await page.goto(url);
  let timer;
  const code = await Promise.race([
    exited,
    new Promise((r) => {
      timer = setTimeout(() => r('timeout'), TIMEOUT_MS);
    }),
  ]);
  clearTimeout(timer);
  if (code === 'timeout') {
    exitCode = 124;
    console.log(
      `extension tests TIMED OUT after ${TIMEOUT_MS / 1000}s (was the server started with --vscode-option enable-smoke-test-driver?)`,
    );
    if (process.env.SCREENSHOT_DIR) {
      fs.mkdirSync(process.env.SCREENSHOT_DIR, { recursive: true });
      await page.screenshot({ path: path.join(process.env.SCREENSHOT_DIR, 'integration-timeout.png') });
    }
  } else {
    exitCode = Number(code);
  }
} catch (err) {
  console.error(`extension test harness error: ${err instanceof Error ? err.message : String(err)}`);
  exitCode = 2;
} finally {
  await ctx?.close();
  fs.rmSync(profile, { recursive: true, force: true });
}
console.log(`extension tests finished: exit code ${exitCode} after ${((Date.now() - t0) / 1000).toFixed(1)}s`);
process.exit(exitCode);
