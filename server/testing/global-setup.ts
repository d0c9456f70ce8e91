import type { TestProject } from 'vitest/node';
import { dropTemplate, prepareTemplate, type TemplateDatabase } from './template-database.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabaseTemplate: TemplateDatabase;
  }
}

/** Vitest globalSetup: one migrated template per run, handed to every test file, dropped when the run ends. */
export default async function setup(project: TestProject) {
  const template = await prepareTemplate();
  project.provide('testDatabaseTemplate', template);
  return () => dropTemplate(template);
}
