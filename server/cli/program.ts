import fs from 'node:fs';
import { Command, CommanderError } from 'commander';
import { ROLES } from '../../shared/roles.ts';
import { WEBHOOK_ALGORITHMS, type WebhookAlgorithm } from '../../shared/webhooks.ts';
import { consoleActor } from '../access/index.ts';
import {
  DEMO_ACCOUNTS,
  DEMO_CITY,
  DEMO_LOCAL_COUNTIES,
  DEMO_PASSWORD,
  DEMO_REGISTRY_VILLAGES,
  isLoaded,
  loadDemoCity,
  loadDemoRegistry,
} from '../demo/index.ts';
import { startSweeper } from '../events/index.ts';
import { pushOrder, startHotlineSimulator } from '../hotline/index.ts';
import { verifyAuditChain } from '../platform/audit-verify.ts';
import { AppError } from '../platform/errors.ts';
import { errorBody } from '../platform/http.ts';
import { IMPORTABLE_TEMPLATES, type ImportableTemplate, readRows, TEMPLATES, writeErrorReport } from '../registry/index.ts';
import { createGridImportService } from '../territory/index.ts';
import { backupCommands } from './backup-command.ts';
import { CommandRefused } from './command-refused.ts';
import { loadDemoCasesOnClock } from './demo-cases.ts';
import { importProgressLines } from './import-progress.ts';
import { keysCommand } from './keys-command.ts';
import { provinceCommands } from './province-command.ts';
import { openRuntime, type Runtime } from './runtime.ts';
import { markServing } from './served-folder.ts';
import { ensureWebBuilt } from './web-build.ts';

/** Where a run of the command reads its settings and writes what it says: the process's own, or a test's. */
export interface CliIo {
  env: NodeJS.ProcessEnv;
  out(s: string): void;
  err(s: string): void;
  /** Standard error is a terminal: progress lines are rewritten in place. */
  errIsTTY: boolean;
}

export const processIo: CliIo = {
  env: process.env,
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  errIsTTY: process.stderr.isTTY === true,
};

/**
 * The demo city, then synthetic base data (a few villages by default, the whole county on request), then when
 * asked a few months of cases in those villages.
 */
async function loadDemo(rt: Runtime, people: 'villages' | 'county', cases: boolean, io: CliIo) {
  const say = (s: string) => io.out(`${s}\n`);
  say('loading the demo city 孝感市…');
  const loaded = await loadDemoCity({ db: rt.database.db, clock: rt.clock, access: rt.services.access });
  say(`  ${loaded.areas} areas, ${loaded.grids} grids generated in 云梦县`);
  const areas = people === 'county' ? [DEMO_CITY.gridCounty] : DEMO_REGISTRY_VILLAGES;
  for (const areaPrefix of areas) {
    const r = await loadDemoRegistry({
      db: rt.database.db,
      clock: rt.clock,
      config: rt.config,
      actor: consoleActor,
      areaPrefix,
      localCounties: DEMO_LOCAL_COUNTIES,
      onProgress: (n) => io.out(`\r  base data of ${areaPrefix}: ${n} people`),
    });
    say(
      `\r  base data of ${areaPrefix}: ${r.houses} houses, ${r.people} people, ${r.organisations} organisations, ${r.facilities} facilities, ${r.buildings} buildings, ${r.groups} ten-household groups`,
    );
  }
  if (!cases) return;
  const c = await loadDemoCasesOnClock({ config: rt.config, database: rt.database, now: rt.clock() });
  say(`  ${c.cases} cases of the last three months, moved through the loop`);
  say(`  ${c.months} months assessed, the ended ones published and briefed, a rewards ledger approved (${c.roundSeconds.toFixed(1)} s)`);
}

/**
 * Runs `gezhi <args>` (the arguments after the command's name) and answers its exit code: 0, or 1 when it was
 * refused (an AppError, printed as the API would say it) or the arguments were wrong. bin/gezhi.js runs it as
 * the process; tests can run it in their own. An unexpected error is thrown, as the process would crash on it.
 */
export async function runGezhi(args: string[], io: CliIo = processIo): Promise<number> {
  let exitCode = 0;
  const say = (s: string) => io.out(`${s}\n`);

  /** Runs a command, printing a refusal (or an AppError, as the API would say it) and answering exit code 1. */
  async function refusable(fn: () => Promise<void>) {
    try {
      await fn();
    } catch (e) {
      if (e instanceof CommandRefused) {
        io.err(`${e.message}\n`);
        exitCode = 1;
        return;
      }
      if (!(e instanceof AppError)) throw e;
      const body = errorBody(e.code, 'zh-CN', e.details);
      io.err(`${body.code}: ${body.message}\n`);
      for (const d of body.details) io.err(`  ${d.field}: ${d.message ?? d.reason}\n`);
      exitCode = 1;
    }
  }

  /** Runs a command against the database and closes it. */
  async function withRuntime(fn: (rt: Runtime) => Promise<void>) {
    const rt = await openRuntime({ logLevel: 'silent' }, io.env);
    try {
      await refusable(() => fn(rt));
    } finally {
      await rt.app.close();
      await rt.database.close();
    }
  }

  const program = new Command('gezhi')
    .description('格治 Gezhi — grid-governance platform')
    // Commander answers help and argument errors by an exception instead of ending the process itself.
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err });

  program
    .command('start')
    .description('start the server; on an empty database load the demo city first')
    .option('--no-demo', 'do not load the demo city into an empty database')
    .option('--no-cases', 'load the demo city without its three months of cases')
    .action(async (opts: { demo: boolean; cases: boolean }) => {
      await ensureWebBuilt(say);
      const rt = await openRuntime({}, io.env);
      const where = rt.config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${rt.config.dataDir}`;
      if (opts.demo && !(await isLoaded(rt.database.db))) await loadDemo(rt, 'villages', opts.cases, io);
      await rt.app.listen({ host: rt.config.host, port: rt.config.port });
      const unmark = rt.config.databaseUrl ? () => {} : markServing(rt.config.dataDir);
      const sweeper = startSweeper(rt.services.sweep, { onError: (err) => rt.app.log.error({ err }, 'deadline sweep failed') });
      // After a month or quarter ends, its briefings (通报) are generated once, under their own advisory lock.
      const briefings = startSweeper(rt.services.briefings, {
        intervalMs: 10 * 60_000,
        onError: (err) => rt.app.log.error({ err }, 'scheduled briefings failed'),
      });
      // Missed follow-ups become dispute warnings as days pass (the missed_visits rules), county by county under a lock.
      const missedVisits = startSweeper(rt.services.missedVisitWarnings, {
        intervalMs: 10 * 60_000,
        onError: (err) => rt.app.log.error({ err }, 'missed-visit warnings pass failed'),
      });
      // Signed webhooks: a pass every second delivers what the outbox holds (webhooks/webhook-sender.ts).
      const webhookSender = startSweeper(rt.services.deliverWebhooks, {
        intervalMs: 1000,
        onError: (err) => rt.app.log.error({ err }, 'webhook delivery pass failed'),
      });
      // Kept patrol tracks live the county's days (patrol_track_days), then go; a second pass deletes nothing more.
      const patrolTracks = startSweeper(rt.services.patrolTracks, {
        intervalMs: 10 * 60_000,
        onError: (err) => rt.app.log.error({ err }, 'patrol track sweep failed'),
      });
      const idChecker = startSweeper(rt.services.idCheckBacklog, {
        onError: (err) => rt.app.log.error({ err }, 'ID check digit pass failed'),
      });
      const url = `http://${rt.config.host}:${rt.config.port}`;
      say(`\n格治 Gezhi is running on ${where}`);
      say(`  open      ${url}`);
      say(`  API docs  ${url}/docs`);
      if (opts.demo) {
        say(`  demo accounts (password ${DEMO_PASSWORD}):`);
        for (const u of DEMO_ACCOUNTS) say(`    ${u.username.padEnd(11)} ${u.roles.join(',').padEnd(19)} ${u.displayName}`);
      }
      const stop = async () => {
        unmark();
        sweeper.stop();
        briefings.stop();
        missedVisits.stop();
        webhookSender.stop();
        idChecker.stop();
        patrolTracks.stop();
        await rt.app.close();
        await rt.database.close();
        process.exit(0);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });

  program
    .command('sweep')
    .description('run the deadline sweep once: reminders before due, overdue notices, unit warnings (the server runs it every minute)')
    .action(() =>
      withRuntime(async (rt) => {
        const result = await rt.services.sweep();
        if (result.status === 'skipped') return say('skipped: another server is sweeping now');
        say(`swept ${result.cases} open cases: ${result.notified} new notifications, ${result.warnings} new unit warnings`);
      }),
    );

  program
    .command('briefings')
    .description('generate, once, the briefings (通报) of the month and quarter that ended last (the server does it every 10 minutes)')
    .action(() =>
      withRuntime(async (rt) => {
        const result = await rt.services.briefings();
        if (result.status === 'skipped') return say('skipped: another server is generating them now');
        say(`generated ${result.generated} scheduled briefings`);
      }),
    );

  program
    .command('migrate')
    .description('apply database migrations')
    .action(() => withRuntime(async () => say('migrations applied')));

  program
    .command('demo')
    .description('load the demo city into an empty database')
    .option(
      '--people <extent>',
      'synthetic base data for "villages" (a few, the default) or the whole "county" (about half a million people)',
      'villages',
    )
    .option('--cases', 'with three months of cases moved through the loop, as `start` loads them')
    .action((o: { people: string; cases?: boolean }) =>
      withRuntime(async (rt) => {
        if (await isLoaded(rt.database.db)) return say('the demo city is already loaded');
        if (o.people !== 'villages' && o.people !== 'county')
          throw new AppError('request.invalid', [{ field: 'people', reason: 'enum', value: o.people }]);
        await loadDemo(rt, o.people, o.cases === true, io);
        say(`demo loaded; password of the demo accounts: ${DEMO_PASSWORD}`);
      }),
    );

  const grids = program.command('grids').description('import and export grids as GeoJSON');
  grids
    .command('import <file>')
    .description('import grids from a GeoJSON FeatureCollection (all or nothing)')
    .action((file: string) =>
      withRuntime(async (rt) => {
        const gridImport = createGridImportService({ db: rt.database.db, clock: rt.clock, territory: rt.services.territory });
        const result = await gridImport.importGrids(consoleActor, JSON.parse(fs.readFileSync(file, 'utf8')), 'zh-CN');
        say(`imported ${result.imported} new grids, replaced ${result.replaced}`);
      }),
    );
  grids
    .command('export')
    .description('export the grids under an area as GeoJSON')
    .requiredOption('--area <code>', 'area code (city, county, township, village or grid)')
    .option('-o, --out <file>', 'write to a file instead of standard output')
    .action((opts: { area: string; out?: string }) =>
      withRuntime(async (rt) => {
        const gridImport = createGridImportService({ db: rt.database.db, clock: rt.clock, territory: rt.services.territory });
        const json = JSON.stringify(await gridImport.exportGrids(consoleActor, opts.area));
        if (opts.out) fs.writeFileSync(opts.out, json);
        else say(json);
      }),
    );

  const registry = program.command('registry').description('base data: people, houses, organisations and components');
  registry
    .command('import <template> <file>')
    .description(
      `import ${IMPORTABLE_TEMPLATES.join(', ')} from .xlsx or .csv, showing progress; bad rows go to an Excel report; a second run of the same file changes nothing`,
    )
    .option('--report <file>', 'where to write the report of refused rows', 'import-report.xlsx')
    .action((template: string, file: string, o: { report: string }) =>
      withRuntime(async (rt) => {
        if (!IMPORTABLE_TEMPLATES.includes(template as ImportableTemplate))
          throw new AppError('request.invalid', [{ field: 'template', reason: 'enum', value: template }]);
        const id = template as ImportableTemplate;
        const format = file.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv';
        const progress = importProgressLines(io.err, { tty: io.errIsTTY });
        const result = await rt.services.registryImport.importRows(consoleActor, id, readRows(file, { format, template: TEMPLATES[id] }), {
          lang: 'zh-CN',
          onProgress: progress.update,
        });
        if (result.errors.length) await writeErrorReport(result.errors, fs.createWriteStream(o.report));
        say(`${progress.summary(result)}${result.errors.length ? ` (report: ${o.report})` : ''}`);
      }),
    );

  const figures = program.command('figures').description('the indicators: roll-ups kept as cases move');
  figures
    .command('verify')
    .description(
      'recompute the cases reported in the months a period touches from the action log and compare with the roll-up (daily and month counters); exit 1 on any difference',
    )
    .option('--from <date>', 'first report day, YYYY-MM-DD (default: the first of this month)')
    .option('--to <date>', 'last report day, YYYY-MM-DD, inclusive (default: today)')
    .option('--repair', 'rewrite the period’s roll-up from the recomputation when they differ')
    .action((o: { from?: string; to?: string; repair?: boolean }) =>
      withRuntime(async (rt) => {
        const span = rt.services.figures.span(o.from, o.to);
        const r = await rt.services.figures.verify({ ...span, repair: o.repair === true });
        say(`report days ${r.fromDay} to ${r.toDay} (exclusive): ${r.cases} cases recomputed from the action log`);
        if (r.counters.length === 0 && r.months.length === 0 && r.caseDifferences.length === 0)
          return say('no differences: the roll-up (daily and month counters) equals the recomputation');
        const shown = 50;
        say(`${r.counters.length} counters differ:`);
        for (const d of r.counters.slice(0, shown)) {
          const c = d.cell;
          say(
            `  ${c.day} ${c.gridCode} ${c.unitCode || '-'} ${c.itemCode} ${c.source} ${c.fact}: roll-up ${d.rollup}, recomputed ${d.recomputed}`,
          );
        }
        if (r.counters.length > shown) say(`  … and ${r.counters.length - shown} more`);
        say(`${r.months.length} month counters differ:`);
        for (const d of r.months.slice(0, shown))
          say(`  ${d.cell.month} ${d.cell.dim} ${d.cell.key || '-'} ${d.cell.fact}: roll-up ${d.rollup}, recomputed ${d.recomputed}`);
        if (r.months.length > shown) say(`  … and ${r.months.length - shown} more`);
        say(`${r.caseDifferences.length} cases differ:`);
        for (const d of r.caseDifferences.slice(0, shown))
          say(`  ${d.caseNo}: roll-up ${d.rollup?.join(',') ?? 'missing'}; recomputed ${d.recomputed?.join(',') ?? 'missing'}`);
        if (r.caseDifferences.length > shown) say(`  … and ${r.caseDifferences.length - shown} more`);
        if (r.repaired) say('repaired: the period’s roll-up was rewritten from the action log');
        else exitCode = 1;
      }),
    );

  const hotline = program.command('hotline').description('the 12345 hotline: a simulator of its platform, for a demo');
  hotline
    .command('simulate')
    .description('receive what Gezhi sends back about hotline orders (subscribe its URL with purpose hotline), checking signatures')
    .requiredOption('--secret <secret>', 'the signing secret the subscription was created with')
    .option('--algorithm <algorithm>', 'hmac-sm3 or hmac-sha256', 'hmac-sm3')
    .option('--port <port>', 'port to listen on, on 127.0.0.1', '4312')
    .action(async (opts: { secret: string; algorithm: string; port: string }) => {
      if (!(WEBHOOK_ALGORITHMS as readonly string[]).includes(opts.algorithm))
        throw new Error(`--algorithm: one of ${WEBHOOK_ALGORITHMS.join(', ')}`);
      const sim = await startHotlineSimulator({
        port: Number(opts.port),
        secret: opts.secret,
        algorithm: opts.algorithm as WebhookAlgorithm,
        log: say,
      });
      say(`hotline simulator listening on ${sim.url} (Ctrl-C to stop)`);
    });
  hotline
    .command('push')
    .description('push a sample work order to a running server, as the hotline platform would')
    .requiredOption('--key <apiKey>', 'an API key issued for the hotline interface')
    .option('--server <url>', 'the Gezhi server', 'http://127.0.0.1:3000')
    .option('--order <number>', 'the order number (the same number again is the same case)', `RX${Date.now()}`)
    .option('--lng <lng>', 'longitude of the point', '113.60')
    .option('--lat <lat>', 'latitude of the point', '31.02')
    .action(async (opts: { key: string; server: string; order: string; lng: string; lat: string }) => {
      const res = await pushOrder(opts.server, opts.key, {
        orderNo: opts.order,
        callerName: '张女士',
        phone: '13800138000',
        nature: 'complaint',
        urgency: 'normal',
        itemCode: 'CG06010',
        description: '小区门口垃圾三天没人清运',
        lng: Number(opts.lng),
        lat: Number(opts.lat),
      });
      say(`${res.status} ${res.body}`);
    });

  const audit = program.command('audit').description('the audit log: append-only, each row chained to the one before by SM3');
  audit
    .command('verify')
    .description('walk the hash chain and report the first broken link; exit 1 if there is one')
    .option(
      '--anchor [id:hash]',
      'alone: print the chain’s end to keep outside the database; with an id:hash printed earlier: check that row still has it',
    )
    .action((o: { anchor?: string | true }) =>
      withRuntime(async (rt) => {
        let anchor: { id: number; hash: string } | undefined;
        if (typeof o.anchor === 'string') {
          const m = /^([0-9]+):([0-9a-f]{64})$/.exec(o.anchor);
          if (!m) throw new AppError('request.invalid', [{ field: 'anchor', reason: 'format', value: o.anchor }]);
          anchor = { id: Number(m[1]), hash: m[2] };
        }
        const r = await verifyAuditChain(rt.database.db, { anchor });
        if (!r.ok) {
          say(`BROKEN at row ${r.broken.id} (${r.broken.field}): expected ${r.broken.expected}, found ${r.broken.found ?? 'nothing'}`);
          say(`${r.rows} rows before it are intact`);
          exitCode = 1;
          return;
        }
        say(`OK: ${r.rows} rows chained and intact${r.chainedFrom ? ` (rows up to ${r.chainedFrom} predate the chain)` : ''}`);
        if (anchor) say(`anchor ${anchor.id}:${anchor.hash} holds`);
        else if (o.anchor) say(`anchor: ${r.lastId}:${r.lastHash}`);
      }),
    );

  keysCommand(program, { withRuntime, say, refusable, env: io.env });
  backupCommands(program, { env: io.env, say, refusable });
  provinceCommands(program, { withRuntime, say });

  const users = program.command('users').description('manage accounts');
  users
    .command('create')
    .description('create an account')
    .requiredOption('--username <name>')
    .requiredOption('--name <displayName>')
    .requiredOption('--password <password>')
    .requiredOption('--roles <roles>', `comma-separated: ${ROLES.join(', ')}`)
    .option('--areas <codes>', 'comma-separated area or grid codes', '')
    .option('--department <code>')
    .action((o: { username: string; name: string; password: string; roles: string; areas: string; department?: string }) =>
      withRuntime(async (rt) => {
        const split = (s: string) =>
          s
            .split(',')
            .map((x) => x.trim())
            .filter(Boolean);
        const user = await rt.services.access.createUser(consoleActor, {
          username: o.username,
          displayName: o.name,
          password: o.password,
          roles: split(o.roles),
          areaCodes: split(o.areas),
          departmentCode: o.department ?? null,
        });
        say(
          `created ${user.username} (${user.roles.join(', ')}) bound to ${user.areas.map((a) => `${a.name} ${a.code}`).join('; ') || 'nothing'}`,
        );
      }),
    );

  try {
    await program.parseAsync(args, { from: 'user' });
  } catch (e) {
    if (!(e instanceof CommanderError)) throw e;
    return e.exitCode;
  }
  return exitCode;
}
