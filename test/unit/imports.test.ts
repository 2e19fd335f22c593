/**
 * The shape of the house, read from the import statements of src/: no file imports itself round a circle, the
 * rooms of the core (its folders, and its loose files) form no circle either, and no layer imports one above
 * it (core < cli and vscode < extension). eslint forbids the upward imports by pattern as they are written;
 * this test follows each relative import to the file it resolves to, so a circle across several files or
 * rooms, which no per-file rule can see, fails here.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');
const SRC = join(ROOT, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : name.endsWith('.ts') ? [full] : [];
  });
}

/** The file a relative specifier names, as TypeScript resolves it (`x.ts`, or `x/index.ts` for a folder). */
function resolveSpecifier(from: string, specifier: string): string {
  const base = resolve(dirname(from), specifier);
  for (const candidate of [`${base}.ts`, join(base, 'index.ts')]) if (existsSync(candidate)) return candidate;
  throw new Error(`${relative(ROOT, from)}: import '${specifier}' resolves to no file`);
}

/** Every src file → the src files it imports (type-only imports included: they are arrows of the design too). */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    const targets = [...text.matchAll(/\bfrom\s+'(\.[^']*)'/g)].map((m) => resolveSpecifier(file, m[1] ?? ''));
    graph.set(
      relative(SRC, file),
      targets.map((t) => relative(SRC, t)),
    );
  }
  return graph;
}

/** One circle in the graph as a path that starts and ends at the same node, or undefined when there is none. */
function findCircle(graph: ReadonlyMap<string, readonly string[]>): string[] | undefined {
  const done = new Set<string>();
  const onPath: string[] = [];
  const visit = (node: string): string[] | undefined => {
    const at = onPath.indexOf(node);
    if (at >= 0) return [...onPath.slice(at), node];
    if (done.has(node)) return undefined;
    onPath.push(node);
    for (const next of graph.get(node) ?? []) {
      const circle = visit(next);
      if (circle) return circle;
    }
    onPath.pop();
    done.add(node);
    return undefined;
  };
  for (const node of graph.keys()) {
    const circle = visit(node);
    if (circle) return circle;
  }
  return undefined;
}

/** `core/codebook/parse.ts` → `core/codebook`; a loose core file is a room of its own. */
function coreRoom(file: string): string {
  const parts = file.split(/[\\/]/);
  return parts.length > 2 ? parts.slice(0, 2).join('/') : parts.join('/').replace(/\.ts$/, '');
}

/** The layer a src file belongs to, and the layers it may import. */
const LAYERS: Record<string, readonly string[]> = {
  core: ['core'],
  cli: ['core', 'cli'],
  vscode: ['core', 'vscode'],
  extension: ['core', 'vscode', 'extension'],
};
function layerOf(file: string): string {
  const top = file.split(/[\\/]/)[0] ?? '';
  return top === 'extension.ts' ? 'extension' : top;
}

describe('imports: the shape of the house', () => {
  const graph = importGraph();

  it('reads a graph of the whole of src', () => {
    assert.ok(graph.has('extension.ts'));
    assert.ok(
      (graph.get('extension.ts') ?? []).some((f) => f.startsWith('vscode')),
      'extension.ts imports the adapter',
    );
  });

  it('has no import circle between files', () => {
    assert.deepEqual(findCircle(graph), undefined);
  });

  it('has no circle between the rooms of the core', () => {
    const rooms = new Map<string, string[]>();
    for (const [file, targets] of graph) {
      if (layerOf(file) !== 'core') continue;
      const room = coreRoom(file);
      const next = rooms.get(room) ?? [];
      for (const t of targets.map(coreRoom)) if (t !== room && !next.includes(t)) next.push(t);
      rooms.set(room, next);
    }
    assert.ok(rooms.size > 5, 'the core has its rooms');
    assert.deepEqual(findCircle(rooms), undefined);
  });

  it('imports no layer above its own', () => {
    const upward: string[] = [];
    for (const [file, targets] of graph) {
      const allowed = LAYERS[layerOf(file)];
      assert.ok(allowed, `${file} is in no known layer`);
      for (const t of targets) if (!allowed.includes(layerOf(t))) upward.push(`${file} → ${t}`);
    }
    assert.deepEqual(upward, []);
  });

  it('finds a circle when there is one (the checker itself)', () => {
    const graphWithCircle = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    assert.deepEqual(findCircle(graphWithCircle), ['a', 'b', 'c', 'a']);
  });
});
