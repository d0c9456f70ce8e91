import { timestamp } from 'drizzle-orm/pg-core';
export * from 'drizzle-orm/pg-core';

/** Every time is a timestamptz, read as a JS Date. */
export const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
