import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAccess, staffCounts, staffOf } from './access/index.ts';
import { createAlarms } from './alarms/index.ts';
import { createAssessment } from './assessment/index.ts';
import { createBriefing } from './briefing/index.ts';
import { createBurden } from './burden/index.ts';
import { createCitizens } from './citizens/index.ts';
import { agreementFollowUpsOwed, createDisputes } from './disputes/index.ts';
import { createEvents } from './events/index.ts';
import { createFieldwork, followUpsDueOf, missedFollowUps } from './fieldwork/index.ts';
import { createFigures } from './figures/index.ts';
import { createDiskFileStore, createFiles, type FileStore } from './files/index.ts';
import { createHotline } from './hotline/index.ts';
import { createOpen311 } from './open311/index.ts';
import { claimsOfGrid, createOrg } from './org/index.ts';
import { createPatrols } from './patrols/index.ts';
import type { Clock } from './platform/clock.ts';
import type { Config } from './platform/config.ts';
import type { Database } from './platform/db.ts';
import { createHttp, TIANDITU_TILE_HOSTS } from './platform/http.ts';
import { createPdfRenderer } from './platform/pdf.ts';
import { serveWeb } from './platform/web-assets.ts';
import { createProvince } from './province/index.ts';
import { createRegistry } from './registry/index.ts';
import { createRewards } from './rewards/index.ts';
import { createSms } from './sms/index.ts';
import { createTasks } from './tasks/index.ts';
import { createTerritory } from './territory/index.ts';
import { createTraining } from './training/index.ts';
import { createWebhooks } from './webhooks/index.ts';

export const webDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../web/dist');

/** Composition root: every area gets its dependencies explicitly. */
export async function buildApp({
  config,
  database,
  clock,
  files,
}: {
  config: Config;
  database: Database;
  clock: Clock;
  files?: FileStore;
}) {
  const app = await createHttp({
    logLevel: config.logLevel,
    trustProxy: config.trustProxy,
    allowedOrigins: config.allowedOrigins,
    tileHosts: config.tiandituKey ? TIANDITU_TILE_HOSTS : [],
  });
  const { db } = database;
  const access = createAccess({ app, db, clock, config });
  // Accounts' phones kept in plain text before they were sealed (migration 0041) are sealed now, once.
  await access.service.sealPlainPhones();
  // Lower areas read what an area above them keeps through a function passed here, so no two areas import each other.
  const territory = createTerritory({ app, db, clock, guard: access.guard, claimsOfGrid: (gridCode) => claimsOfGrid(db, gridCode) });
  createOrg({
    app,
    db,
    clock,
    guard: access.guard,
    staffOf: (departmentCode) => staffOf(db, departmentCode),
    staffCounts: (departmentCodes) => staffCounts(db, departmentCodes),
  });
  const fileStore = files ?? createDiskFileStore(path.join(config.dataDir, 'files'));
  // The to-do counts the follow-ups a worker owes (fieldwork) and the agreements' follow-ups a mediation tier owes
  // (disputes), read through the functions handed in here.
  // Notices that matter enough (overdue, a call left unplaced, a household's alert) also go to the recipients' phones.
  const sms = createSms({ app, db, clock, config, guard: access.guard });
  const events = await createEvents({
    app,
    db,
    clock,
    config,
    guard: access.guard,
    territory: territory.service,
    files: fileStore,
    followUpsDue: (actor) => followUpsDueOf(db, actor, clock()),
    agreementFollowUpsDue: (actor) => agreementFollowUpsOwed(db, actor, clock()),
    channels: [sms.channel],
  });
  // Citizens find their own reports by the phone they gave, with a one-time code sent through the SMS gateway.
  createCitizens({ app, db, clock, config, codes: sms.codes });
  const open311 = createOpen311({ app, db, clock, config, guard: access.guard, channels: events.channels });
  // The 12345 hotline's work orders come in through the loop's channel intake, with Open311's keys.
  createHotline({ app, db, clock, channels: events.channels, keyHolder: open311.keyHolder });
  // Video and sensor platforms' alarms likewise, de-duplicated per device and item.
  createAlarms({
    app,
    db,
    clock,
    guard: access.guard,
    channels: events.channels,
    keyHolder: open311.keyHolder,
    files: fileStore,
    territory: territory.service,
  });
  await createFiles({ app, files: fileStore, guard: access.guard });
  const registry = await createRegistry({ app, db, clock, config, guard: access.guard, files: fileStore, territory: territory.service });
  // The province platform pulls base data and cases with Open311's keys issued for the province interface.
  const { province } = createProvince({
    app,
    db,
    clock,
    config,
    guard: access.guard,
    keyHolder: open311.keyHolder,
    keysInScope: open311.clients.find,
  });
  // The figures read the loop through its front door; the loop is told of them here, so it never imports them.
  const figures = createFigures({ app, db, clock, guard: access.guard, tiandituKey: config.tiandituKey });
  events.onCasesTouched(figures.service.track, figures.service.filedWrites);
  // Signed webhooks: every fact the loop records is written to their outbox in its own transaction.
  const webhooks = createWebhooks({ app, db, clock, config, guard: access.guard });
  events.onFactsRecorded(webhooks.record, webhooks.filedWrites);
  // Assessment reads the figures, base data and visits through their front doors; the loop's sanctions are handed in.
  const assessment = createAssessment({ app, db, clock, guard: access.guard, unitSanctions: events.unitSanctions });
  const pdf = createPdfRenderer(config.pdfFont);
  // The briefing reads the figures, rankings and names through their front doors; the loop's sanctions are handed in.
  const briefing = createBriefing({ app, db, clock, guard: access.guard, pdf, unitSanctions: events.unitSanctions });
  // Rewards read verified cases, published stars and the workers through those areas' front doors.
  const rewards = createRewards({ app, db, clock, guard: access.guard });
  // A dispute that needs a department raises a loop event through the events service, as any staff report does;
  // the missed_visits warning rules read fieldwork's missed follow-ups through the function handed in here.
  const { disputes, warnings: disputeWarnings } = await createDisputes({
    app,
    db,
    clock,
    calendar: events.calendar,
    onCalendarYearChanged: events.onCalendarYearChanged,
    guard: access.guard,
    reportEvent: events.report,
    pdf,
    missedFollowUps,
    // A field report, a dispute item or a 12345 order becomes a dispute through the loop's own read of the case.
    sourceCase: (actor, id) => events.service.get(actor, id),
  });
  // A ten-household alert tells the grid team through the inbox and becomes a case or a dispute through their areas.
  await createFieldwork({
    app,
    db,
    clock,
    guard: access.guard,
    registry,
    notifyIn: events.notifyIn,
    reportEvent: events.report,
    raiseDispute: disputes.create,
    followerMoved: disputeWarnings.followerMoved,
  });

  // A commissioned task's subsidy becomes a county rule on admission and each filler's ledger entry on closing.
  // Residents' declarations by QR code are confirmed into the people records through the registry's declaredPeople.
  await createTasks({
    app,
    db,
    clock,
    config,
    guard: access.guard,
    files: fileStore,
    subsidies: { taskRuleIn: rewards.rules.taskRuleIn, postTaskSubsidy: rewards.ledger.postTaskSubsidy },
    territory: territory.service,
    declaredPeople: registry.declaredPeople,
  });
  // Training sessions and their attendees, picked from the accounts of the organiser's area.
  createTraining({ app, db, clock, guard: access.guard });

  // Field burden: the county's switches (all off by default) and the time entries take; patrols read the switches.
  await createBurden({ app, db, clock, guard: access.guard });
  const { patrols } = await createPatrols({ app, db, clock, guard: access.guard, territory: territory.service });

  await serveWeb(app, webDist);
  return {
    app,
    services: {
      access: access.service,
      territory: territory.service,
      registryImport: registry.registryImport,
      registry: registry.service,
      events: events.service,
      supervision: events.supervision,
      sweep: events.sweep,
      deliverWebhooks: webhooks.sender.deliverDue,
      sendSms: sms.send,
      figures: figures.service,
      briefings: briefing.service.scheduled,
      missedVisitWarnings: disputeWarnings.timedPass,
      assessment: assessment.service,
      rewards: rewards.ledger,
      rewardRules: rewards.rules,
      idCheckBacklog: registry.idCheckBacklog,
      province,
      patrolTracks: patrols.sweepTracks,
    },
  };
}
