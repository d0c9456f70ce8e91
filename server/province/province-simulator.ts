/**
 * A stand-in for the province platform (`gezhi province simulate`, and the tests): it pulls a county's changes with
 * its exchange key, watermark after watermark until nothing more is ready, and keeps every record (the highest
 * version of each) and the last watermark in a receiver. The receiver is an interface; the local default keeps them
 * in one JSON file in a folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ExchangeRecord } from './province.core.ts';

export interface ProvinceBatch {
  county: string;
  since: string | null;
  watermark: string;
  more: boolean;
  disclosure: string;
  records: ExchangeRecord[];
}

/** Where a province platform keeps what it pulled: the batch and its watermark are kept together, or neither. */
export interface ProvinceReceiver {
  watermark(): Promise<string | undefined>;
  keep(batch: ProvinceBatch): Promise<void>;
}

interface Stored {
  watermark?: string;
  records: Record<string, ExchangeRecord>;
}

/** The local default: `state.json` in `dir`, rewritten whole through a temporary file, so a crash keeps the last batch. */
export function createFileReceiver(dir: string) {
  const file = path.join(dir, 'state.json');
  const read = (): Stored => (fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Stored) : { records: {} });
  return {
    async watermark() {
      return read().watermark;
    },
    async keep(batch: ProvinceBatch) {
      const s = read();
      for (const r of batch.records) {
        const id = `${r.kind}:${r.key}`;
        const had = s.records[id];
        if (!had || r.deleted || (r.version ?? 0) >= (had.version ?? 0)) s.records[id] = r;
      }
      s.watermark = batch.watermark;
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(`${file}.tmp`, JSON.stringify(s));
      fs.renameSync(`${file}.tmp`, file);
    },
    /** Everything kept, by `kind:key`. */
    records: () => read().records,
  } satisfies ProvinceReceiver & { records(): Record<string, ExchangeRecord> };
}

/** Pulls until the server says nothing more is ready; answers each reply's status and record count. */
export async function pullAll(opts: { server: string; apiKey: string; county: string; receiver: ProvinceReceiver; limit?: number }) {
  const pulls: { status: number; records: number; watermark: string | null }[] = [];
  for (;;) {
    const since = await opts.receiver.watermark();
    const url = new URL('/api/province/changes', opts.server);
    url.searchParams.set('county', opts.county);
    if (since) url.searchParams.set('since', since);
    if (opts.limit) url.searchParams.set('limit', String(opts.limit));
    const res = await fetch(url, { headers: { 'x-api-key': opts.apiKey } });
    if (res.status !== 200) {
      pulls.push({ status: res.status, records: 0, watermark: null });
      throw new Error(`province pull refused: ${res.status} ${await res.text()}`);
    }
    const batch = (await res.json()) as ProvinceBatch;
    await opts.receiver.keep(batch);
    pulls.push({ status: 200, records: batch.records.length, watermark: batch.watermark });
    if (!batch.more) return pulls;
  }
}

/** Pulls every `intervalMs` into the folder's receiver, printing a line per pull with records; `stop` ends it. */
export function startProvinceSimulator(opts: {
  server: string;
  apiKey: string;
  county: string;
  dir: string;
  intervalMs: number;
  log(line: string): void;
}) {
  const receiver = createFileReceiver(opts.dir);
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const round = async () => {
    try {
      const pulls = await pullAll({ ...opts, receiver });
      const n = pulls.reduce((s, p) => s + p.records, 0);
      if (n) opts.log(`pulled ${n} records; watermark ${pulls.at(-1)?.watermark}`);
    } catch (e) {
      opts.log((e as Error).message);
    }
    if (!stopped) timer = setTimeout(round, opts.intervalMs);
  };
  void round();
  return {
    receiver,
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
