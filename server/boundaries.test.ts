import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The house rules of server/, checked on every run (docs/ARCHITECTURE.md):
 * - an area imports another area only through its front door, `index.ts`;
 * - platform/ is cross-cutting and imports no area;
 * - areas form no cycle;
 * - raw SQL (a `sql` template) names only its own area's tables (or platform's): another area's rows are read
 *   through a function or SQL fragment its index.ts exports (registry's housesOnRecord, org's departmentInScope).
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

/** Each table's owning area, from the `pgTable('name', …)` declarations of every `*.tables.ts`. */
function tableOwners(): Map<string, string> {
  const owners = new Map<string, string>();
  for (const file of sourceFiles(serverDir).filter((f) => f.endsWith('.tables.ts'))) {
    for (const m of fs.readFileSync(file, 'utf8').matchAll(/pgTable\(\s*['"]([a-z0-9_]+)['"]/g)) owners.set(m[1], areaOf(file)!);
  }
  return owners;
}

/**
 * The literal text of every `sql` template in a source (`sql`, `sql<T>`, and `sql.raw('…')`), with its line: a small
 * scanner of strings, comments and templates (nested ones inside `${}` too), since the compiler has no JS API.
 */
function sqlTexts(src: string): { line: number; text: string }[] {
  const found: { line: number; text: string }[] = [];
  const lineAt = (i: number) => src.slice(0, i).split('\n').length;
  const skipString = (i: number) => {
    const q = src[i];
    for (i++; i < src.length && src[i] !== q; i++) if (src[i] === '\\') i++;
    return i + 1;
  };
  const skipComment = (i: number) =>
    src[i + 1] === '/' ? src.indexOf('\n', i) + 1 || src.length : src.indexOf('*/', i + 2) + 2 || src.length;
  /** Code from i up to the `}` that closes it (depth 0), or the end; returns the index after it. */
  const code = (i: number, closing: boolean): number => {
    let depth = 0;
    while (i < src.length) {
      const c = src[i];
      if (c === '/' && (src[i + 1] === '/' || src[i + 1] === '*')) i = skipComment(i);
      else if (c === "'" || c === '"') {
        const end = skipString(i);
        if (/\bsql\.raw\(\s*$/.test(src.slice(Math.max(0, i - 40), i))) found.push({ line: lineAt(i), text: src.slice(i + 1, end - 1) });
        i = end;
      } else if (c === '`') i = template(i);
      else if (c === '{') {
        depth++;
        i++;
      } else if (c === '}') {
        if (closing && depth === 0) return i + 1;
        depth--;
        i++;
      } else i++;
    }
    return i;
  };
  /** The template starting at the backtick i; returns the index after its closing backtick. */
  const template = (start: number): number => {
    const tagged = /\bsql(?:<[^`;=]*>)?\s*$/.test(src.slice(Math.max(0, start - 80), start));
    const parts: string[] = [];
    let i = start + 1;
    let from = i;
    while (i < src.length && src[i] !== '`') {
      if (src[i] === '\\') i += 2;
      else if (src[i] === '$' && src[i + 1] === '{') {
        parts.push(src.slice(from, i));
        i = code(i + 2, true);
        from = i;
      } else i++;
    }
    parts.push(src.slice(from, i));
    if (tagged) found.push({ line: lineAt(start), text: parts.join(' … ') });
    return i + 1;
  };
  code(0, false);
  return found.sort((a, b) => a.line - b.line);
}

/** The tables a raw SQL text reads or writes: the names after from, join, update and into (or the text alone). */
function tablesNamed(text: string): string[] {
  const named = [...text.matchAll(/\b(?:from|join|update|into)\s+([a-z_][a-z0-9_]*)/gi)].map((m) => m[1]);
  return /^\s*[a-z_][a-z0-9_]*\s*$/.test(text) ? [...named, text.trim()] : named;
}

/** Raw SQL held back for a branch at work on that file: each entry names the file and the table, and is to go. */
const HELD: ReadonlySet<string> = new Set([]);

/** Every raw SQL text outside tests and the composition roots that names another area's table. */
function foreignSql(): string[] {
  const owners = tableOwners();
  return sourceFiles(serverDir)
    .filter((f) => !f.endsWith('.test.ts') && f !== SCHEMA_FILE && !COMPOSITION.has(areaOf(f)!) && areaOf(f) !== 'db')
    .flatMap((file) => {
      const src = fs.readFileSync(file, 'utf8');
      if (!src.includes('sql')) return [];
      const area = areaOf(file)!;
      return sqlTexts(src).flatMap(({ line, text }) =>
        tablesNamed(text).flatMap((table) => {
          const owner = owners.get(table);
          if (!owner || owner === area || owner === PLATFORM) return [];
          const key = `${path.relative(serverDir, file)} → ${owner}.${table}`;
          return HELD.has(key) ? [] : [`${path.relative(serverDir, file)}:${line} → ${owner}.${table}`];
        }),
      );
    });
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

  it("raw SQL names only its own area's tables (another's through that area's index.ts)", () => {
    expect(tableOwners().get('house')).toBe('registry');
    expect(foreignSql()).toEqual([]);
  });

  it('the SQL check reads every way of writing a template and finds the tables in it', () => {
    const src = `const a = sql\`select h.code from house h join \${visit} v on true\`;
const b = sql<string>\`coalesce((select a.name from area a where \${x}), null)\`;
const c = sql.raw('update department set name = 1');
const d = sql\`person\`;
const e = \`from grid\`;`;
    const texts = sqlTexts(src);
    expect(texts.map((t) => t.line)).toEqual([1, 2, 3, 4]);
    expect(texts.flatMap((t) => tablesNamed(t.text))).toEqual(['house', 'area', 'department', 'person']);
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
