// UI test of the INSTALLED .vsix: a text coded by two coders (written by this test into the fresh copy of the
// fixture workspace). From the command palette, "Compare Coders…" picks ann, then ben; the Disagreements tree
// lists their disagreements; selecting one opens the text with ann's span boxed and ben's underlined, each
// labelled (screenshot); its inline "Accept Coder A" writes the consensus annotation into the sidecar and the
// tree marks it resolved (screenshot). Screenshots go to SCREENSHOT_DIR.
// Usage: node test/ui/adjudicate.mjs <baseUrl> <workspaceFolder>   (a fresh copy of test/fixtures/workspace)
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { parse } from 'yaml';
import { quickOpen, runUiTest, waitForDecorations, waitUntil } from './lib/workbench.mjs';

const require = createRequire(import.meta.url);
const { createAnnotation } = require('../../out/src/core/annotations/index.js');
const { serializeSidecar } = require('../../out/src/core/sidecar/index.js');
const { textHash } = require('../../out/src/core/text/index.js');

const FILE = 'port-hearing.txt';
const TEXT = [
  'Port hearing (written for the adjudication UI test)',
  '',
  'The minister promised digital borders around the harbour network.',
  'A delegate asked for data sovereignty rules over the shipping records.',
  'The chair closed with a word on the sovereign internet.',
  '',
].join('\n');

function coded(quote, frame, coder, id) {
  const s = TEXT.indexOf(quote);
  return createAnnotation(TEXT, s, s + quote.length, frame, coder, '2026-12-01', id);
}

const ANNOTATIONS = [
  coded('digital borders', 'digital-territory', 'ann', 'a00000000u1'),
  coded('digital borders', 'digital-territory', 'ben', 'a00000000u2'),
  coded('data sovereignty rules', 'data-resource', 'ann', 'a00000000u3'),
  coded('data sovereignty', 'digital-territory', 'ben', 'a00000000u4'),
  coded('sovereign internet', 'digital-territory', 'ben', 'a00000000u5'),
];

function annotationsIn(sidecar) {
  const doc = parse(fs.readFileSync(sidecar, 'utf8'));
  return Array.isArray(doc?.annotations) ? doc.annotations : [];
}

/**
 * Runs a palette command, then answers its quick picks: `answers` are [title words, item] pairs, in order.
 * The palette is opened again until it lists the command (right after start it may lack the extension's).
 */
async function runCommand(page, title, answers) {
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: `Sovereignty Coder: ${title}` }).first();
  await waitUntil(
    `the palette to list ${title}`,
    async () => {
      await page.keyboard.press('F1');
      await page.locator('.quick-input-widget input').fill(`>Sovereignty Coder: ${title}`);
      const shown = await row.waitFor({ timeout: 5000 }).then(
        () => true,
        () => undefined,
      );
      if (!shown) await page.keyboard.press('Escape');
      return shown;
    },
    60000,
  );
  await row.click();
  for (const [pickTitle, answer] of answers) {
    // the next pick is there once its own title shows: typing into the previous one would answer it twice
    await page.locator('.quick-input-widget:visible .quick-input-title', { hasText: pickTitle }).waitFor();
    const item = page.locator('.quick-input-widget:visible .quick-input-list .monaco-list-row', { hasText: answer });
    await item.first().waitFor();
    await page.keyboard.type(answer);
    await page.keyboard.press('Enter');
  }
}

/**
 * What the editor paints for the two coders: the boxes in A's colour (a border is drawn in the overlay layer
 * under the text, so their width is read, not their text), the text underlined dashed in B's colour, and the
 * labels beside the spans (decoration before- and after-texts are CSS ::before and ::after content, not text in the DOM).
 */
function paintedCoders(page) {
  return page.evaluate(() => {
    const editor = document.querySelector('.editor-instance .monaco-editor');
    const spans = [...(editor?.querySelectorAll('.view-lines span') ?? [])];
    const boxes = [...(editor?.querySelectorAll('.view-overlays div') ?? [])].filter((el) => {
      const s = getComputedStyle(el);
      return s.borderTopStyle === 'solid' && s.borderTopColor === 'rgb(217, 119, 6)';
    });
    const dashed = spans.filter((el) => getComputedStyle(el).textDecorationStyle === 'dashed');
    const labels = spans
      .flatMap((el) => [getComputedStyle(el, '::before').content, getComputedStyle(el, '::after').content])
      .filter((c) => c && c !== 'none' && c !== 'normal');
    return {
      boxWidths: boxes.map((el) => Math.round(el.getBoundingClientRect().width)),
      dashed: dashed.map((el) => el.textContent.replace(/\u00a0/g, ' ')),
      labels,
    };
  });
}

await runUiTest('adjudicate', async ({ folder, open }) => {
  const sidecarPath = path.join(folder, 'texts', `${FILE}.annotations.yaml`);
  fs.writeFileSync(path.join(folder, 'texts', FILE), TEXT);
  fs.writeFileSync(
    sidecarPath,
    serializeSidecar(
      { version: 1, source: FILE, sourceHash: textHash(TEXT), codebook: 'fixture', annotations: ANNOTATIONS },
      TEXT,
    ),
  );
  const { page, lap, screenshot } = await open();
  await quickOpen(page, FILE, 'Port hearing');
  await waitForDecorations(page, 1);
  lap(`opened ${FILE}: the extension is running`);

  await runCommand(page, 'Compare Coders', [
    ['coder A', 'ann'],
    ['against coder B', 'ben'],
  ]);
  const tree = page.locator('.pane', { hasText: 'Disagreements' });
  const framesDiffer = tree.locator('.monaco-list-row', { hasText: 'data sovereignty' }).first();
  await framesDiffer.waitFor({ timeout: 60000 });
  await tree.locator('.monaco-list-row', { hasText: 'sovereign internet' }).first().waitFor();
  lap('the Disagreements tree lists the frames that differ and the span only ben has');

  // a wider side bar, as an adjudicator would drag it, so that the tree's rows show both coders' frames
  const bar = await page.locator('.part.sidebar').boundingBox();
  if (bar) {
    await page.mouse.move(bar.x + bar.width + 1, bar.y + bar.height / 2);
    await page.mouse.down();
    await page.mouse.move(bar.x + bar.width + 120, bar.y + bar.height / 2, { steps: 8 });
    await page.mouse.up();
  }
  await framesDiffer.click();
  const painted = await waitUntil("ann's box and ben's dashed underline, each labelled", async () => {
    const found = await paintedCoders(page);
    const labelled = (who) => found.labels.some((l) => l.includes(who));
    return found.boxWidths.length > 0 && found.dashed.length > 0 && labelled('ann ▣') && labelled('┅ ben')
      ? found
      : undefined;
  });
  // overlapping decorations split the text into pieces: joined, they are B's span
  assert.equal(painted.dashed.join(''), 'data sovereignty');
  assert.ok(
    painted.boxWidths.every((w) => w > 50),
    `ann's box spans the words: ${painted.boxWidths}`,
  );
  lap("the text is open with ann's and ben's spans labelled");
  await screenshot('both-coders');

  await framesDiffer.hover();
  await framesDiffer.locator('.action-label[aria-label="Accept Coder A"]').click();
  const consensus = await waitUntil('the consensus annotation in the sidecar', () => {
    const c = annotationsIn(sidecarPath).filter((a) => a.coder === 'consensus');
    return c.length === 1 ? c : undefined;
  });
  assert.equal(consensus[0].frame, 'data-resource');
  assert.match(consensus[0].memo, /accept ann over ben \(frames differ\)/);
  await tree.locator('.monaco-list-row', { hasText: 'accepted ann' }).first().waitFor();
  lap('Accept Coder A wrote the consensus annotation; the tree shows it resolved');
  await screenshot('accepted-a');
});
