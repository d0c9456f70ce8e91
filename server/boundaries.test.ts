import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The house rules of server/, checked on every run (docs/ARCHITECTURE.md):
 * - an area imports another area only through its front door, `index.ts`;
 * - platform/ is cross-cutting and imports no area;
 * - areas form no cycle.
 * The composition roots (app.ts, cli/, testing/) put areas together and may import any front door; the declared
 * schema (db/schema.ts) gathers every area's `*.tables.ts` for the migrations and nothing else.
 */

const serverDir = path.dirname(fileURLToPath(import.meta.url));
const sharedDir = path.resolve(serverDir, '../shared');

/** Folders that are not product areas: they compose areas or hold what every area shares. */
const COMPOSITION = new Set(['app.ts', 'cli', 'testing']);
const PLATFORM = 'platform';
const SCHEMA_FILE = path.join(serverDir, 'db/schema.ts');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'migrations' ? [] : sourceFiles(full);
    return /\.tsx?$/.test(e.name) ? [full] : [];
  });
}

const IMPORT = /(?:^|\s)(?:import|export)\s[^'"`;]*?from\s*['"](\.{1,2}\/[^'"]+)['"]|import\s*\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

interface Edge {
  file: string;
  target: string;
}

function importsOf(file: string): Edge[] {
  const src = fs.readFileSync(file, 'utf8');
  return [...src.matchAll(IMPORT)].map((m) => ({ file, target: path.resolve(path.dirname(file), m[1] ?? m[2]) }));
}

/** The area a server file belongs to: its first folder under server/ (or the file itself at the top). */
function areaOf(file: string): string | null {
  const rel = path.relative(serverDir, file);
  if (rel.startsWith('..')) return null;
  return rel.split(path.sep)[0];
}

const edges = sourceFiles(serverDir).flatMap(importsOf);

function isFrontDoor(target: string) {
  const rel = path.relative(serverDir, target).split(path.sep);
  return rel.length === 2 && rel[1] === 'index.ts';
}

/** Why an import breaks the rules, or null when it keeps them. */
function violation({ file, target }: Edge): string | null {
  const from = areaOf(file)!;
  const to = areaOf(target);
  if (to === null) return target.startsWith(sharedDir + path.sep) ? null : 'reaches outside server/ and shared/';
  if (from === to) return null;
  if (to === 'testing') return file.endsWith('.test.ts') || COMPOSITION.has(from) ? null : 'only tests use the test harness';
  if (from === PLATFORM) return 'platform imports no area';
  if (to === PLATFORM) return null;
  if (file === SCHEMA_FILE) return target.endsWith('.tables.ts') ? null : 'the declared schema gathers only *.tables.ts';
  if (to === 'cli') return 'cli is a composition root: nothing imports it';
  if (to === 'app.ts') return COMPOSITION.has(from) ? null : 'only composition roots build the app';
  return isFrontDoor(target) ? null : `another area's insides: import ${to}/index.ts instead`;
}

/** Area → areas it imports (front doors only count, and every import is one), for the cycle check. */
function areaGraph() {
  const graph = new Map<string, Set<string>>();
  for (const e of edges) {
    const from = areaOf(e.file)!;
    const to = areaOf(e.target);
    if (!to || to === from || COMPOSITION.has(from) || e.file.endsWith('.test.ts') || e.file === SCHEMA_FILE) continue;
    if (!graph.has(from)) graph.set(from, new Set());
    graph.get(from)!.add(to);
  }
  return graph;
}

/** The groups of areas that import each other round in a circle (strongly connected, Tarjan), each sorted. */
function cycles(graph: Map<string, Set<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (stack.includes(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) !== index.get(node)) return;
    const group: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      group.push(member);
    } while (member !== node);
    if (group.length > 1) found.push(group.sort());
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

describe('boundaries between areas', () => {
  it('reads the imports (the check sees the code)', () => {
    expect(edges.length).toBeGreaterThan(500);
    expect(edges.some((e) => e.target.endsWith(path.join('registry', 'index.ts')))).toBe(true);
  });

  it('an area reaches another only through its index.ts, and platform imports no area', () => {
    const broken = edges.flatMap((e) => {
      const why = violation(e);
      return why ? [`${path.relative(serverDir, e.file)} → ${path.relative(serverDir, e.target)}: ${why}`] : [];
    });
    expect(broken).toEqual([]);
  });

  it('areas form no cycle', () => {
    expect(cycles(areaGraph()).map((c) => c.join(' → '))).toEqual([]);
  });

  it('the checks catch what they are for', () => {
    const at = (p: string) => path.join(serverDir, p);
    expect(violation({ file: at('events/loop/events.service.ts'), target: at('registry/people/people.store.ts') })).toMatch(/index\.ts/);
    expect(violation({ file: at('platform/audit.ts'), target: at('access/index.ts') })).toMatch(/platform/);
    expect(violation({ file: at('events/index.ts'), target: at('registry/index.ts') })).toBeNull();
    expect(
      cycles(
        new Map([
          ['a', new Set(['b'])],
          ['b', new Set(['c'])],
          ['c', new Set(['a'])],
          ['d', new Set(['a'])],
        ]),
      ),
    ).toEqual([['a', 'b', 'c']]);
  });
});
