import type { Command } from 'commander';
import { startProvinceSimulator } from '../province/index.ts';
import { CommandRefused } from './command-refused.ts';
import type { Runtime } from './runtime.ts';

/**
 * `gezhi province export`: a county's changes since a watermark into a JSON-lines file (the file counterpart of
 * GET /api/province/changes); `gezhi province simulate`: the local stand-in for the province platform, pulling from a
 * running server into a folder.
 */
export function provinceCommands(
  program: Command,
  { withRuntime, say }: { withRuntime: (fn: (rt: Runtime) => Promise<void>) => Promise<void>; say: (s: string) => void },
) {
  const province = program
    .command('province')
    .description('exchange with the province platform: incremental export of base data and cases');
  province
    .command('export')
    .description('write the county’s base data and cases changed since a watermark to a JSON-lines file (last line: the next watermark)')
    .requiredOption('--county <code>', 'the county (GB/T 2260 code)')
    .option('--since <watermark>', 'the watermark the last export ended with (left out: everything recorded)')
    .requiredOption('--out <file>', 'the file to write')
    .option(
      '--sealed-for <apiKey>',
      'seal sensitive fields for this province key’s receiver (if it is allowed sealed values); masked otherwise',
    )
    .action((o: { county: string; since?: string; out: string; sealedFor?: string }) =>
      withRuntime(async (rt) => {
        if (!/^\d{6}$/.test(o.county)) throw new CommandRefused('--county: a 6-digit county code');
        const r = await rt.services.province.exportFile({ county: o.county, since: o.since, file: o.out, sealedFor: o.sealedFor });
        const counts = Object.entries(r.counts)
          .map(([k, n]) => `${n} ${k}`)
          .join(', ');
        say(`${r.file}: ${counts} (${r.disclosure}); next watermark ${r.watermark}`);
      }),
    );
  province
    .command('simulate')
    .description(
      'pull a county’s changes from a running server every few seconds, keeping them in a folder, as the province platform would',
    )
    .requiredOption('--key <apiKey>', 'an API key issued for the province interface')
    .requiredOption('--county <code>', 'the key’s county')
    .option('--server <url>', 'the Gezhi server', 'http://127.0.0.1:3000')
    .option('--dir <folder>', 'where to keep the records and the watermark', 'province-sim')
    .option('--interval <seconds>', 'seconds between pulls', '10')
    .action(async (o: { key: string; county: string; server: string; dir: string; interval: string }) => {
      startProvinceSimulator({
        server: o.server,
        apiKey: o.key,
        county: o.county,
        dir: o.dir,
        intervalMs: Number(o.interval) * 1000,
        log: say,
      });
      say(`province simulator pulling ${o.county} from ${o.server} into ${o.dir} (Ctrl-C to stop)`);
    });
}
