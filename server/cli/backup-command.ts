import type { Command } from 'commander';
import { loadConfig } from '../platform/config.ts';
import { backupEmbedded, restoreEmbedded } from './backup.ts';

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** `gezhi backup` and `gezhi restore` (backup.ts): the embedded database and its keys in one file. */
export function backupCommands(
  program: Command,
  { env, say, refusable }: { env: NodeJS.ProcessEnv; say: (s: string) => void; refusable: (fn: () => Promise<void>) => Promise<void> },
) {
  program
    .command('backup')
    .description('write the embedded database (PGlite) and its field key file to one .tar.gz; the server must be stopped')
    .requiredOption('-o, --out <file>', 'the backup file to write, e.g. gezhi-2026-12-02.tar.gz')
    .option('--without-keys', 'leave the field key file out: keep it apart, the backup alone then cannot reveal ID numbers or phones')
    .action((o: { out: string; withoutKeys?: boolean }) =>
      refusable(async () => {
        const r = await backupEmbedded(loadConfig(env), o.out, { keys: !o.withoutKeys, now: new Date() });
        const rows = Object.values(r.rows).reduce((a, b) => a + b, 0);
        say(`backed up ${rows} rows of ${Object.keys(r.rows).length} tables to ${o.out} (${mb(r.bytes)})`);
        if (r.keys)
          say('WARNING: the backup holds the field keys: whoever has it can read every ID number and phone. Keep it as you keep the keys.');
        else if (r.configuredKeys)
          say('the field keys are configured (GEZHI_FIELD_ENC_KEYS/GEZHI_FIELD_HASH_KEY), not in the backup: a restore needs them too');
        else say('the field key file is not in the backup: keep it apart; a restore needs it to read ID numbers and phones');
      }),
    );

  program
    .command('restore <file>')
    .description('restore a backup of `gezhi backup` into an empty data folder (GEZHI_DATA_DIR); --force replaces what is there')
    .option('--force', 'replace the database (and key file) already in the data folder')
    .action((file: string, o: { force?: boolean }) =>
      refusable(async () => {
        const config = loadConfig(env);
        const r = await restoreEmbedded(config, file, { force: o.force === true });
        const rows = Object.values(r.manifest.rows).reduce((a, b) => a + b, 0);
        say(
          `restored ${rows} rows of ${Object.keys(r.manifest.rows).length} tables, backed up ${r.manifest.createdAt}, into ${config.dataDir}`,
        );
        say(r.keys ? 'the field key file was restored with it' : 'the backup held no keys: the keys at hand open its sealed values');
      }),
    );
}
