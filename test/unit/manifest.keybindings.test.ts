/**
 * The default keybindings against the combinations desktops take before VS Code sees them, listed (with who
 * takes each) in docs/coding-flow.md's table "Taken before VS Code sees them": a default there is a key that
 * does nothing for part of our users (Ctrl+Alt+T opens a terminal on Ubuntu). The list is read from the doc,
 * so the documentation and the check cannot drift apart.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

type Platform = 'linux' | 'windows' | 'macos';

interface Keybinding {
  command: string;
  key: string;
  mac?: string;
  linux?: string;
  win?: string;
  when?: string;
}

interface Taken {
  combination: string;
  platforms: Platform[];
  by: string;
}

const ROOT = join(__dirname, '..', '..', '..');
const MODIFIERS = ['ctrl', 'shift', 'alt', 'cmd', 'meta'];
const ALIASES: Record<string, string> = { win: 'meta', super: 'meta', option: 'alt', esc: 'escape', del: 'delete' };

/** One chord part in a fixed form: modifiers sorted, then the key ('ctrl+alt+t', 'alt+shift+*'). */
function normalise(part: string): string {
  const keys = part
    .toLowerCase()
    .split('+')
    .map((k) => ALIASES[k] ?? k);
  const mods = keys.filter((k) => MODIFIERS.includes(k)).sort((a, b) => MODIFIERS.indexOf(a) - MODIFIERS.indexOf(b));
  const rest = keys.filter((k) => !MODIFIERS.includes(k));
  return [...mods, ...rest].join('+');
}

/** Whether a pressed chord part is the taken combination ('*' any letter or digit, 'f*' any function key). */
function matches(pressed: string, taken: string): boolean {
  const p = normalise(pressed).split('+');
  const t = normalise(taken).split('+');
  const key = (parts: string[]) => parts.at(-1) ?? '';
  const mods = (parts: string[]) => parts.slice(0, -1).join('+');
  if (mods(p) !== mods(t)) return false;
  const want = key(t);
  if (want === '*') return /^[a-z0-9]$/.test(key(p));
  if (want === 'f*') return /^f([1-9]|1[0-9])$/.test(key(p));
  return want === key(p);
}

function takenList(): Taken[] {
  const doc = readFileSync(join(ROOT, 'docs', 'coding-flow.md'), 'utf8');
  const section = doc.split('## Taken before VS Code sees them')[1]?.split('\n## ')[0];
  assert.ok(section, 'docs/coding-flow.md has no section "Taken before VS Code sees them"');
  return section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => {
      const [combination, platforms, by] = line
        .slice(1, -1)
        .split(' | ')
        .map((c) => c.trim());
      return {
        combination: combination.replace(/^`|`$/g, ''),
        platforms: platforms.split(',').map((p) => p.trim() as Platform),
        by,
      };
    });
}

/** The chord parts a binding presses on each platform (a chord 'ctrl+k ctrl+t' is two parts). */
function pressed(binding: Keybinding): { platform: Platform; part: string }[] {
  const on: Record<Platform, string | undefined> = {
    linux: binding.linux ?? binding.key,
    windows: binding.win ?? binding.key,
    macos: binding.mac ?? binding.key,
  };
  return (Object.keys(on) as Platform[]).flatMap((platform) =>
    (on[platform] ?? '')
      .split(' ')
      .filter(Boolean)
      .map((part) => ({ platform, part })),
  );
}

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  contributes: { keybindings: Keybinding[] };
};

describe('manifest: default keybindings reach VS Code', () => {
  const taken = takenList();

  it('reads a list of taken combinations for every platform from the docs', () => {
    assert.ok(taken.length >= 40, `only ${taken.length} rows`);
    for (const platform of ['linux', 'windows', 'macos'] as const)
      assert.ok(
        taken.some((t) => t.platforms.includes(platform)),
        platform,
      );
    for (const t of taken) {
      assert.ok(t.by.length > 0, `${t.combination}: who takes it?`);
      assert.ok(
        t.platforms.every((p) => ['linux', 'windows', 'macos'].includes(p)),
        `${t.combination}: ${t.platforms.join()}`,
      );
    }
  });

  it('knows the combinations the issue names, so the matcher is tested on real rows', () => {
    const hit = (platform: Platform, part: string) =>
      taken.some((t) => t.platforms.includes(platform) && matches(part, t.combination));
    assert.equal(hit('linux', 'ctrl+alt+t'), true, 'GNOME terminal');
    assert.equal(hit('windows', 'alt+ctrl+q'), true, 'AltGr on Windows, modifiers in any order');
    assert.equal(hit('macos', 'alt+e'), true, 'Option types characters');
    assert.equal(hit('linux', 'ctrl+alt+f3'), true, 'virtual console');
    assert.equal(hit('linux', 'super+a'), true, 'the Super key');
    assert.equal(hit('linux', 'alt+shift+t'), false);
    assert.equal(hit('macos', 'ctrl+cmd+t'), false);
  });

  it('uses no taken combination in a default', () => {
    const clashes = manifest.contributes.keybindings.flatMap((b) =>
      pressed(b).flatMap(({ platform, part }) =>
        taken
          .filter((t) => t.platforms.includes(platform) && matches(part, t.combination))
          .map((t) => `${b.command}: ${part} on ${platform} is taken (${t.by})`),
      ),
    );
    assert.deepEqual(clashes, []);
  });

  it('gives every default a macOS key of its own (Cmd or Ctrl+Cmd), unless it is not for macOS', () => {
    const missing = manifest.contributes.keybindings
      .filter((b) => b.mac === undefined && !(b.when ?? '').includes('!isMac'))
      .map((b) => `${b.command}: ${b.key}`);
    assert.deepEqual(missing, []);
  });

  it('binds the editor undo keys only under the coding-undo context keys', () => {
    const undoKeys = ['ctrl+z', 'ctrl+shift+z', 'ctrl+y'];
    const unguarded = manifest.contributes.keybindings
      .filter((b) => undoKeys.includes(normalise(b.key)))
      .filter((b) => !/sovereigntyCoder\.coding(Undo|Redo)able/.test(b.when ?? ''))
      .map((b) => `${b.command}: ${b.key}`);
    assert.deepEqual(unguarded, []);
  });
});
