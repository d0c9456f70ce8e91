import type { Command } from 'commander';
import { loadConfig } from '../platform/config.ts';
import { addFileKey, fieldKeyFile, openFieldCrypto } from '../platform/field-keys.ts';
import { countStaleValues, type RotationProgress, rotateSealedValues } from '../platform/key-rotation.ts';
import { CommandRefused } from './command-refused.ts';
import type { Runtime } from './runtime.ts';
import { refuseServedFolder } from './served-folder.ts';

const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

/**
 * `gezhi keys rotate`: with a key file, a new key is put first in it and every sealed value is sealed again under
 * it; with configured keys (GEZHI_FIELD_ENC_KEYS), the first configured key is the one to seal under. A run that
 * finds values still under an older key (an earlier run interrupted) finishes that rotation instead of starting
 * another.
 */
export function keysCommand(
  program: Command,
  {
    withRuntime,
    refusable,
    env,
    say,
    now = Date.now,
  }: {
    withRuntime: (fn: (rt: Runtime) => Promise<void>) => Promise<void>;
    refusable: (fn: () => Promise<void>) => Promise<void>;
    env: NodeJS.ProcessEnv;
    say: (s: string) => void;
    now?: () => number;
  },
) {
  const keys = program.command('keys').description('the keys sealing ID numbers and phones (SM4)');
  keys
    .command('rotate')
    .description(
      'seal every sealed value again under a new key version, in batches committed one by one; reads go on meanwhile; run it again to finish an interrupted rotation',
    )
    .option('--batch <rows>', 'rows per transaction', '500')
    .action((o: { batch: string }) =>
      refusable(async () => {
        refuseServedFolder(loadConfig(env));
        await rotate(o);
      }),
    );

  // The served-folder check comes before the runtime opens the database a server may hold.
  function rotate(o: { batch: string }) {
    return withRuntime(async (rt) => {
      const batchRows = Number(o.batch);
      if (!Number.isInteger(batchRows) || batchRows < 1) throw new CommandRefused(`--batch: '${o.batch}' is not a whole number ≥ 1`);
      let crypto = openFieldCrypto(rt.config);
      const stale = total(await countStaleValues(rt.database.db, crypto.keyVersion));
      if (stale > 0) say(`finishing the rotation to key version ${crypto.keyVersion}: ${stale} values are still under an older key`);
      else if (rt.config.fieldKeys) {
        say(`every sealed value is under key version ${crypto.keyVersion}, the first in the configured keys.`);
        say(
          `To rotate: on every server put a new key first, GEZHI_FIELD_ENC_KEYS=${crypto.keyVersion + 1}:<32 hex>,${crypto.keyVersion}:<the current key>, restart them, then run this again.`,
        );
        return;
      } else {
        const version = addFileKey(rt.config);
        say(`new key version ${version} written to ${fieldKeyFile(rt.config)}; the older keys stay in it to open what they sealed`);
        crypto = openFieldCrypto(rt.config);
      }
      const started = now();
      let shown = -Infinity;
      const rate = (n: number) => Math.round(n / Math.max((now() - started) / 1000, 0.001));
      let done = 0;
      let lastTable = '';
      let lastTableDone = 0;
      const onBatch = (p: RotationProgress) => {
        if (p.table !== lastTable) {
          lastTable = p.table;
          lastTableDone = 0;
        }
        done += p.resealed - lastTableDone;
        lastTableDone = p.resealed;
        if (now() - shown < 1000 && p.resealed < p.stale) return;
        shown = now();
        say(`  ${p.table} ${p.resealed}/${p.stale}  ${rate(done)} values/s`);
      };
      const r = await rotateSealedValues(rt.database.db, crypto, { at: rt.clock, batchRows, onBatch });
      const seconds = (now() - started) / 1000;
      say(
        `re-sealed ${total(r.resealed)} values under key version ${r.keyVersion} in ${seconds.toFixed(1)} s (${rate(total(r.resealed))} values/s)`,
      );
      for (const u of r.unopened.slice(0, 20))
        say(`  did not open: ${u.table} ${u.key} ${u.column} (altered, or its key is no longer on the ring)`);
      const left = total(await countStaleValues(rt.database.db, r.keyVersion));
      if (left > 0) {
        say(
          `${left} values are still under an older key: ${r.unopened.length} did not open, the others were written meanwhile by a server sealing with an older key (restart it) — run this again`,
        );
        throw new CommandRefused('the rotation is unfinished');
      }
      say(
        `every sealed value is under key version ${r.keyVersion}. The search hashes (…_hash) are unchanged: rotating the hash key is not supported yet.`,
      );
    });
  }
}
