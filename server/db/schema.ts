/** The declared schema: every table of every area. Migrations are generated from it (drizzle-kit). */

export * from '../access/access.tables.ts';
export * from '../alarms/alarms.tables.ts';
export * from '../assessment/assessment.tables.ts';
export * from '../briefing/briefing.tables.ts';
export * from '../disputes/dispute-figures.tables.ts';
export * from '../disputes/dispute-warnings.tables.ts';
export * from '../disputes/disputes.tables.ts';
export * from '../events/catalogue/catalogue.tables.ts';
export * from '../events/intake/intake.tables.ts';
export * from '../events/loop/events.tables.ts';
export * from '../events/oversight/oversight.tables.ts';
export * from '../fieldwork/alerts.tables.ts';
export * from '../fieldwork/followups.tables.ts';
export * from '../fieldwork/visits.tables.ts';
export * from '../figures/figures.tables.ts';
export * from '../open311/open311.tables.ts';
export * from '../org/org.tables.ts';
export * from '../platform/audit.tables.ts';
export * from '../platform/calendar/calendar.tables.ts';
export * from '../registry/organisations/organisations.tables.ts';
export * from '../registry/places/places.tables.ts';
export * from '../registry/records/records.tables.ts';
export * from '../rewards/rewards.tables.ts';
export * from '../tasks/tasks.tables.ts';
export * from '../territory/territory.tables.ts';
export * from '../webhooks/webhooks.tables.ts';
