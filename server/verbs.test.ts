import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The fixed verbs of a service (docs/ARCHITECTURE.md): `get` throws when missing, `find` filters and pages,
 * `create`, `update`, `remove`; the rest are the domain's own acts (verify, accept, publish…). Synonyms of the
 * fixed verbs make a newcomer guess which one an area chose, so a service method may not start with one.
 */
const SYNONYMS = /^(list|search|edit|fetch|load|lookup|query|delete|modify)(?=[A-Z]|$)/;

/** A method or function property of the object a service factory returns (indented one level inside it). */
const METHOD = /^ {4}(?:async )?([a-z][A-Za-z0-9]*)(?:\(|: (?:async )?\(|: \w+\.)/gm;

const serverDir = path.dirname(fileURLToPath(import.meta.url));

function serviceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return serviceFiles(full);
    return e.name.endsWith('.service.ts') ? [full] : [];
  });
}

const methods = serviceFiles(serverDir).flatMap((file) =>
  [...fs.readFileSync(file, 'utf8').matchAll(METHOD)].map((m) => ({ file: path.relative(serverDir, file), name: m[1] })),
);

describe('service verbs', () => {
  it('finds the services’ methods (the check reads something)', () => {
    expect(methods.filter((m) => m.name === 'find').length).toBeGreaterThan(10);
    expect(methods.filter((m) => m.name === 'update').length).toBeGreaterThan(5);
  });

  it('names no method with a synonym of get, find, create, update or remove', () => {
    const offending = methods.filter((m) => SYNONYMS.test(m.name)).map((m) => `${m.file}: ${m.name}`);
    expect(offending).toEqual([]);
  });

  it('would catch a synonym in either way of writing a method', () => {
    const sample = '    async listThings(actor) {\n    search: (q) => 1,\n    edit: store.edit,\n    reload() {}\n';
    const names = [...sample.matchAll(METHOD)].map((m) => m[1]).filter((n) => SYNONYMS.test(n));
    expect(names).toEqual(['listThings', 'search', 'edit']);
  });
});
