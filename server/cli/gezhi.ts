import fs from 'node:fs';
import { Command } from 'commander';
import { ROLES } from '../../shared/roles.ts';
import { AppError } from '../platform/errors.ts';
import { isLoaded, loadDemoCity } from '../demo/demo-city.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../demo/demo-users.ts';
import { openRuntime, consoleActor } from './runtime.ts';
import { ensureWebBuilt } from './web-build.ts';
import { createGridImportService } from '../territory/grid-import.service.ts';
import { errorBody } from '../platform/http.ts';

const program = new Command('gezhi').description('格治 Gezhi — grid-governance platform');
const say = (s: string) => {
  process.stdout.write(`${s}\n`);
};

/** Runs a command against the database and closes it, printing AppErrors as the API would. */
async function withRuntime(fn: (rt: Awaited<ReturnType<typeof openRuntime>>) => Promise<void>) {
  const rt = await openRuntime({ logLevel: 'silent' });
  try {
    await fn(rt);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    const body = errorBody(e.code, 'zh-CN', e.details);
    process.stderr.write(`${body.code}: ${body.message}\n`);
    for (const d of body.details) process.stderr.write(`  ${d.field}: ${d.message ?? d.reason}\n`);
    process.exitCode = 1;
  } finally {
    await rt.app.close();
    await rt.database.close();
  }
}

program
  .command('start')
  .description('start the server; on an empty database load the demo city first')
  .option('--no-demo', 'do not load the demo city into an empty database')
  .action(async (opts: { demo: boolean }) => {
    await ensureWebBuilt(say);
    const rt = await openRuntime();
    const where = rt.config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${rt.config.dataDir}`;
    if (opts.demo && !(await isLoaded(rt.database.db))) {
      say('loading the demo city 孝感市 (first start)…');
      const loaded = await loadDemoCity({ db: rt.database.db, clock: rt.clock, access: rt.services.access });
      say(`  ${loaded.areas} areas, ${loaded.grids} grids generated in 云梦县`);
    }
    await rt.app.listen({ host: rt.config.host, port: rt.config.port });
    const url = `http://${rt.config.host}:${rt.config.port}`;
    say(`\n格治 Gezhi is running on ${where}`);
    say(`  open      ${url}`);
    say(`  API docs  ${url}/docs`);
    if (opts.demo) {
      say(`  demo accounts (password ${DEMO_PASSWORD}):`);
      for (const u of DEMO_ACCOUNTS) say(`    ${u.username.padEnd(11)} ${u.roles.join(',').padEnd(19)} ${u.displayName}`);
    }
    const stop = async () => {
      await rt.app.close();
      await rt.database.close();
      process.exit(0);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });

program.command('migrate').description('apply database migrations').action(() => withRuntime(async () => say('migrations applied')));

program
  .command('demo')
  .description('load the demo city into an empty database')
  .action(() =>
    withRuntime(async (rt) => {
      if (await isLoaded(rt.database.db)) return say('the demo city is already loaded');
      const loaded = await loadDemoCity({ db: rt.database.db, clock: rt.clock, access: rt.services.access });
      say(`loaded ${loaded.areas} areas and ${loaded.grids} grids; demo password ${DEMO_PASSWORD}`);
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
      else process.stdout.write(`${json}\n`);
    }),
  );

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
      const split = (s: string) => s.split(',').map((x) => x.trim()).filter(Boolean);
      const user = await rt.services.access.createUser(consoleActor, {
        username: o.username, displayName: o.name, password: o.password, roles: split(o.roles), areaCodes: split(o.areas), departmentCode: o.department ?? null,
      });
      say(`created ${user.username} (${user.roles.join(', ')}) bound to ${user.areas.map((a) => `${a.name} ${a.code}`).join('; ') || 'nothing'}`);
    }),
  );

await program.parseAsync(process.argv);
