import type { TestProject } from 'vitest/node';
import { testDatabaseUrl } from '../platform/config.ts';
import { dropTemplate, prepareTemplate, type TemplateDatabase } from './template-database.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabaseTemplate: TemplateDatabase;
  }
}

/** The projects of vitest.config.ts. */
export const PROJECTS = { server: 'pglite', serverOnPostgres: 'postgres', browser: 'browser' } as const;

/**
 * Where a project's files run: the server's tests on PGlite, and again on the TEST_DATABASE_URL server; the browser
 * journeys on that server when there is one (a real server answers them faster), on PGlite when not.
 */
function databaseOf(project: string): string | null {
  if (project === PROJECTS.server) return null;
  return testDatabaseUrl();
}

/**
 * Vitest globalSetup, once per project: one migrated template, handed to every test file of the project and
 * dropped when the run ends.
 */
export default async function setup(project: TestProject) {
  const template = await prepareTemplate(databaseOf(project.name));
  project.provide('testDatabaseTemplate', template);
  return () => dropTemplate(template);
}
