import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { OutputBundle, OutputChunk } from 'rollup';
import type { Plugin } from 'vite';

/** The modules whose chunks make the phone app: its shell, the report page and its map (their imports follow). */
const FIELD_ROOTS = [/\/web\/src\/field\//, /\/web\/src\/report\/report-page\.tsx$/, /\/web\/src\/events\/point-map\.tsx$/];

/** The files of the field shell: the entry, the field chunks, everything they import statically, and their CSS. */
export function fieldFiles(bundle: OutputBundle): string[] {
  const chunks = Object.values(bundle).filter((o): o is OutputChunk => o.type === 'chunk');
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const files = new Set<string>();
  const add = (chunk: OutputChunk | undefined) => {
    if (!chunk || files.has(chunk.fileName)) return;
    files.add(chunk.fileName);
    for (const css of chunk.viteMetadata?.importedCss ?? []) files.add(css);
    for (const imported of chunk.imports) add(byName.get(imported));
  };
  for (const chunk of chunks) {
    if (chunk.isEntry || FIELD_ROOTS.some((r) => r.test(chunk.facadeModuleId ?? ''))) add(chunk);
  }
  return [...files].sort();
}

/**
 * Writes /sw.js (from web/field-sw.js) with the field shell's files to precache and a release name, so a phone that
 * opened /m once can open it again without signal, and a new release replaces the old cache.
 */
export function fieldServiceWorker(): Plugin {
  const template = fileURLToPath(new URL('./field-sw.js', import.meta.url));
  return {
    name: 'gezhi-field-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = fieldFiles(bundle);
      const precache = ['/index.html', '/manifest.webmanifest', '/favicon.svg', ...files.map((f) => `/${f}`)];
      // The files are named after their content: their list names the release.
      const release = createHash('sha256').update(files.join(',')).digest('hex').slice(0, 12);
      const source = fs
        .readFileSync(template, 'utf8')
        .replace("'__RELEASE__'", JSON.stringify(release))
        .replace("['__PRECACHE__']", JSON.stringify(precache));
      this.emitFile({ type: 'asset', fileName: 'sw.js', source });
    },
  };
}
