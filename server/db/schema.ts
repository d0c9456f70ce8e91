/** The declared schema: every table of every area. Migrations are generated from it (drizzle-kit). */
export * from '../territory/territory.tables.ts';
export * from '../org/org.tables.ts';
export * from '../access/access.tables.ts';
export * from '../registry/registry.tables.ts';
export * from '../registry/org-facility.tables.ts';
export * from '../registry/address-building.tables.ts';
export * from '../events/events.tables.ts';
export * from '../events/oversight.tables.ts';
export * from '../fieldwork/visits.tables.ts';
