import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiSchemaFile, generateApiSchema } from '../../server/cli/openapi.ts';

describe("the console's API types", () => {
  it('are generated from the OpenAPI document the server serves now', async () => {
    const fresh = await generateApiSchema();
    const committed = fs.existsSync(apiSchemaFile) ? fs.readFileSync(apiSchemaFile, 'utf8') : '';
    // toBe would print 40,000 lines on a mismatch; the message says what to do.
    expect(committed === fresh, 'web/src/api/schema.ts is stale: run npm run api:generate and commit it').toBe(true);
    // Building every route's schema and running openapi-typescript over it is heavy on a loaded machine.
  }, 180_000);
});
