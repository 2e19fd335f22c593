// @vscode/test-cli configuration (`npm run test:electron`): the ecosystem's standard runner, which downloads a
// desktop VS Code and so needs internet. It runs the SAME integration tests as the offline harness that
// `npm test` uses (scripts/real-vscode: code-server + Chromium), from out/test/integration; build first
// (`npm run build`). Tests write sidecars, so each run gets a fresh copy of the fixture workspace.
import { defineConfig } from '@vscode/test-cli';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'sovcoder-electron-ws-'));
fs.cpSync('test/fixtures/workspace', workspace, { recursive: true });

export default defineConfig({
  files: 'out/test/integration/**/*.test.js',
  // The offline harness runs code-server 4.139.1 = VS Code 1.139.1; VSCODE_VERSION=stable (or any) to change.
  version: process.env.VSCODE_VERSION || '1.139.1',
  workspaceFolder: workspace,
  launchArgs: ['--disable-extensions', '--disable-workspace-trust'],
  mocha: { ui: 'bdd', timeout: 30000, color: true },
});
