// UI test of the INSTALLED .vsix in the real VS Code workbench: the shipped codebook's Simplified Chinese cues
// highlight a Traditional Chinese text (網絡主權, and the Taiwan usage 網路主權 / 數位主權 / 資料主權), and its
// Russian cues written in the dictionary form highlight other cases (информационную безопасность, о суверенном
// интернете, технологическом суверенитете). The texts are written here; the workspace copy gets the shipped
// codebook as its codebook.yaml. Screenshots of both texts go to SCREENSHOT_DIR (looked at for issue 11).
// Usage: node test/ui/scripts-folded.mjs <baseUrl> <workspaceFolder>   (a fresh copy of test/fixtures/workspace)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { quickOpen, runUiTest, waitForDecorations } from './lib/workbench.mjs';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const TEXTS = [
  {
    file: 'hant-sovereignty.txt',
    text: '各方應尊重彼此的網絡主權。\n台灣的論者常說網路主權與數位主權，也談資料主權。\n',
    first: '網絡主權',
    cues: 4,
  },
  {
    file: 'ru-inflection.txt',
    text:
      'Мы обсуждали информационную безопасность.\n' +
      'Закон о суверенном интернете и задачи информационной безопасности.\n' +
      'Речь шла о технологическом суверенитете.\n',
    first: 'информационную',
    cues: 4,
  },
];

await runUiTest('scripts-folded', async ({ folder, open }) => {
  fs.copyFileSync(path.join(ROOT, 'codebook', 'sovereignty.yaml'), path.join(folder, 'codebook.yaml'));
  for (const t of TEXTS) fs.writeFileSync(path.join(folder, 'texts', t.file), t.text);
  const { page, lap, screenshot } = await open();
  for (const t of TEXTS) {
    await quickOpen(page, t.file, t.first);
    const shown = await waitForDecorations(page, t.cues);
    lap(`${t.file}: ${shown} cue highlights (at least ${t.cues} expected)`);
    await screenshot(path.basename(t.file, '.txt'));
  }
});
