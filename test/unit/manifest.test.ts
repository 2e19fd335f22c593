/**
 * package.json against the tables in the code that claim to mirror it: the commands against `CommandId`,
 * every menu entry and keybinding against those commands, the context keys in `when` clauses against the
 * ones the extension sets, and the settings (keys, types, defaults, enums) against the settings reader's
 * table. Plain node: it reads JSON and two vscode-free modules, so a drift fails in seconds, not in VS Code.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ACTIVE_EDITOR_CODED,
  ALL_COMMAND_IDS,
  CODING_REDOABLE,
  DISAGREEMENTS_SHOWN,
  CODING_UNDOABLE,
  FILTERED,
  GROUPED_BY_TEXT,
} from '../../src/vscode/commandIds';
import { FRAME_COLOR_SOURCES, SETTING_DEFAULTS, SETTINGS_SECTION } from '../../src/vscode/settingsKeys';

interface CommandContribution {
  command: string;
  title: string;
  category?: string;
}
interface MenuEntry {
  command: string;
  when?: string;
}
interface Keybinding {
  command: string;
  key: string;
  when?: string;
}
interface SettingContribution {
  type: string;
  default: unknown;
  enum?: unknown[];
  scope?: string;
}
interface Manifest {
  contributes: {
    commands: CommandContribution[];
    menus: Record<string, MenuEntry[]>;
    keybindings: Keybinding[];
    configuration: { properties: Record<string, SettingContribution> };
    views: Record<string, { id: string }[]>;
  };
  capabilities: { untrustedWorkspaces: { restrictedConfigurations: string[] } };
}

const manifestText = readFileSync(join(__dirname, '../../../package.json'), 'utf8');
const manifest = JSON.parse(manifestText) as Manifest;

/**
 * The keys that occur twice in one object of a JSON text, with their paths. JSON.parse keeps the last of two,
 * so a merge that leaves a second `"views"` silently drops the first one's views.
 */
function duplicateKeys(text: string): string[] {
  const found: string[] = [];
  const stack: { object: boolean; keys: Set<string>; path: string; expectKey: boolean }[] = [];
  let last = '';
  for (const [t] of text.matchAll(/"(?:[^"\\]|\\.)*"|[{}[\]:,]/g)) {
    const top = stack[stack.length - 1];
    if (t === '{' || t === '[')
      stack.push({ object: t === '{', keys: new Set(), path: `${top?.path ?? ''}/${last}`, expectKey: t === '{' });
    else if (t === '}' || t === ']') stack.pop();
    else if (t === ',') {
      if (top) top.expectKey = top.object;
    } else if (t === ':') {
      if (top) top.expectKey = false;
    } else if (top?.expectKey) {
      const key = JSON.parse(t) as string;
      if (top.keys.has(key)) found.push(`${top.path}/${key}`);
      top.keys.add(key);
      last = key;
    }
  }
  return found;
}
const commandIds = ALL_COMMAND_IDS;
const prefixed = (key: string): string => `${SETTINGS_SECTION}.${key}`;

/** The `sovereigntyCoder.*` names a `when` clause refers to (context keys; the other names are VS Code's). */
function ownContextKeys(when: string): string[] {
  return [...when.matchAll(/\bsovereigntyCoder\.[A-Za-z0-9]+/g)].map((m) => m[0]);
}

/** The JSON Schema type name of a default value, as package.json writes `type`. */
function jsonType(value: unknown): string {
  return Array.isArray(value) ? 'array' : typeof value;
}

describe('manifest: package.json against the code', () => {
  it('has no key twice in one object (JSON.parse would keep only the last)', () => {
    assert.deepEqual(
      duplicateKeys('{"a": {"b": 1, "b": 2}, "c": [{"d": 1}, {"d": 2}]}'),
      ['//a/b'],
      'the checker itself',
    );
    assert.deepEqual(duplicateKeys(manifestText), []);
  });

  it('declares exactly the commands of CommandId, each once, in the extension category', () => {
    const declared = manifest.contributes.commands.map((c) => c.command);
    assert.deepEqual([...declared].sort(), [...commandIds].sort());
    assert.equal(new Set(declared).size, declared.length, 'a command is declared twice');
    for (const c of manifest.contributes.commands) {
      assert.equal(c.category, 'Sovereignty Coder', `${c.command} has no "Sovereignty Coder" category`);
      assert.ok(c.title.trim().length > 0, `${c.command} has no title`);
    }
  });

  it('names only known commands in menus and keybindings', () => {
    const entries = [
      ...Object.entries(manifest.contributes.menus).flatMap(([menu, list]) =>
        list.map((e) => ({ where: `menus.${menu}`, ...e })),
      ),
      ...manifest.contributes.keybindings.map((k) => ({ where: `keybinding ${k.key}`, ...k })),
    ];
    assert.ok(entries.length > 0);
    const unknown = entries.filter((e) => !commandIds.includes(e.command)).map((e) => `${e.where}: ${e.command}`);
    assert.deepEqual(unknown, []);
  });

  it('uses in when clauses only the context keys the extension sets', () => {
    // the extension's context keys, and the ids of its own views (`view == sovereigntyCoder.segments`)
    const views = Object.values(manifest.contributes.views)
      .flat()
      .map((v) => v.id);
    const known = new Set([
      ACTIVE_EDITOR_CODED,
      GROUPED_BY_TEXT,
      FILTERED,
      CODING_UNDOABLE,
      CODING_REDOABLE,
      DISAGREEMENTS_SHOWN,
      ...views,
    ]);
    const clauses = [
      ...Object.values(manifest.contributes.menus)
        .flat()
        .map((e) => e.when),
      ...manifest.contributes.keybindings.map((k) => k.when),
    ].filter((w): w is string => w !== undefined);
    const unknown = clauses.flatMap(ownContextKeys).filter((key) => !known.has(key));
    assert.deepEqual(unknown, []);
  });

  it('declares exactly the settings the reader knows, with its types and defaults', () => {
    const declared = manifest.contributes.configuration.properties;
    assert.deepEqual(Object.keys(declared).sort(), Object.keys(SETTING_DEFAULTS).map(prefixed).sort());
    for (const [key, fallback] of Object.entries(SETTING_DEFAULTS)) {
      const setting = declared[prefixed(key)];
      assert.ok(setting, prefixed(key));
      assert.deepEqual(setting.default, fallback, `default of ${prefixed(key)}`);
      assert.equal(setting.type, jsonType(fallback), `type of ${prefixed(key)}`);
    }
    assert.deepEqual(declared[prefixed('frameColors')]?.enum, [...FRAME_COLOR_SOURCES]);
  });

  it("keeps the coder's name a user setting, shown in the Settings UI's User tab (also in a remote window)", () => {
    // 'machine' and 'machine-overridable' settings move to the Remote tab in code-server and remote windows,
    // and a workspace value would sign every coder of a shared workspace with one name: 'application' is neither
    assert.equal(manifest.contributes.configuration.properties[prefixed('coder')]?.scope, 'application');
  });

  it('restricts in untrusted workspaces only settings that exist', () => {
    const restricted = manifest.capabilities.untrustedWorkspaces.restrictedConfigurations;
    const declared = Object.keys(manifest.contributes.configuration.properties);
    assert.deepEqual(
      restricted.filter((key) => !declared.includes(key)),
      [],
    );
  });
});
