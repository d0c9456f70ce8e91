import fs from 'node:fs';
import { register } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../app.ts';
import { prepareDatabase } from '../db/index.ts';
import { createDiskFileStore } from '../files/index.ts';
import { loadConfig } from '../platform/config.ts';
import { openDatabase } from '../platform/db.ts';

/** The console's types of the API, generated from the served OpenAPI document and committed. */
export const apiSchemaFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/src/api/schema.ts');

/** The OpenAPI document exactly as /docs serves it: the composed app on an in-memory database. */
export async function openApiDocument(): Promise<Record<string, unknown>> {
  const database = await openDatabase({ url: null, dataDir: null });
  try {
    await prepareDatabase(database);
    const config = loadConfig({}, { logLevel: 'silent' });
    // No request is made, so the store never writes; it only has to exist for the routes to register.
    const files = createDiskFileStore(path.join(os.tmpdir(), 'gezhi-openapi-unused'));
    const { app } = await buildApp({ config, database, clock: () => new Date(), files });
    try {
      await app.ready();
      return app.swagger() as unknown as Record<string, unknown>;
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
  }
}

/*
 * openapi-typescript builds its output with the TypeScript 5 compiler API, which TypeScript 7 (the project's tsc)
 * no longer has. package.json's override lets it install beside TypeScript 7; this hook hands it TypeScript 5
 * (the `typescript-5` alias) when it imports `typescript`.
 */
const typescript5Hook = `export async function resolve(specifier, context, next) {
  if (specifier === 'typescript' && context.parentURL?.includes('/node_modules/openapi-typescript/')) return next('typescript-5', context);
  return next(specifier, context);
}`;
let hooked = false;

/** The text of web/src/api/schema.ts for the app as it is now. */
export async function generateApiSchema(): Promise<string> {
  if (!hooked) {
    register(`data:text/javascript,${encodeURIComponent(typescript5Hook)}`);
    hooked = true;
  }
  const { default: openapiTS, astToString } = await import('openapi-typescript');
  const document = await openApiDocument();
  const nodes = await openapiTS(document as never, { silent: true, alphabetize: true });
  return `// Generated from the server's OpenAPI document by \`npm run api:generate\`: do not edit.\n${astToString(nodes)}`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const text = await generateApiSchema();
  fs.mkdirSync(path.dirname(apiSchemaFile), { recursive: true });
  fs.writeFileSync(apiSchemaFile, text);
  process.stdout.write(`wrote ${path.relative(process.cwd(), apiSchemaFile)}\n`);
}
