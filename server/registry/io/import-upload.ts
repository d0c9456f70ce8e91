/**
 * Turns an uploaded spreadsheet into a running import job. The upload is first stored in a temporary file:
 * the request then ends at once, the job reads the file at its own pace (never whole in memory), and how many
 * of its bytes have been read is the job's progress. The header is checked before the job is started, so a
 * wrong file is refused in the upload's own reply and no job is left behind for it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Lang } from '../../../shared/i18n/errors.ts';
import type { FileStore } from '../../files/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { multipartError } from '../../platform/multipart.ts';
import type { ImportJobs } from './import-jobs.ts';
import type { ImportableTemplate, RegistryImport } from './registry-import.service.ts';
import { type ReportedError, writeErrorReport } from './spreadsheet-export.ts';
import { HeaderMismatchError, type ImportRow, readRows, type SpreadsheetFormat } from './spreadsheet-import.ts';
import { TEMPLATES } from './templates.ts';

export const MAX_IMPORT_BYTES = 512 * 1024 * 1024;

export interface ImportDeps {
  registryImport: RegistryImport;
  jobs: ImportJobs;
  files: FileStore;
}

export function formatOf(filename: string): SpreadsheetFormat {
  if (/\.xlsx$/i.test(filename)) return 'xlsx';
  if (/\.csv$/i.test(filename)) return 'csv';
  throw new AppError('registry.import_format', [{ field: 'file', reason: 'format', value: filename }]);
}

export async function startFileImport(
  deps: ImportDeps,
  actor: Actor,
  template: ImportableTemplate,
  upload: { filename: string; stream: Readable },
  lang: Lang,
) {
  const format = formatOf(upload.filename);
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'gezhi-import-'));
  const remove = () => fs.promises.rm(dir, { recursive: true, force: true });
  const file = path.join(dir, `upload.${format}`);
  try {
    await pipeline(upload.stream, fs.createWriteStream(file));
  } catch (e) {
    await remove();
    if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
      throw new AppError('file.too_large', [{ field: 'file', reason: 'size', value: `${MAX_IMPORT_BYTES} bytes max` }]);
    throw multipartError(e); // an upload cut short
  }
  const size = (await fs.promises.stat(file)).size;
  // exceljs waits forever on an empty stream; an empty file is refused before it is read.
  if (size === 0) {
    await remove();
    throw unreadable('empty');
  }
  const input = fs.createReadStream(file);
  const rows = readRows(input, { format, template: TEMPLATES[template] });
  let first: IteratorResult<ImportRow>;
  try {
    first = await rows.next();
  } catch (e) {
    input.destroy();
    await remove();
    if (e instanceof HeaderMismatchError)
      throw new AppError('registry.import_header', [
        ...e.missing.map((c) => ({ field: c, reason: 'missing' })),
        ...e.duplicate.map((c) => ({ field: c, reason: 'duplicate' })),
      ]);
    throw unreadable((e as Error).message);
  }

  return deps.jobs.start(actor.id, {
    template,
    fraction: () => input.bytesRead / size,
    async run(onProgress) {
      try {
        const { errors, ...counts } = await deps.registryImport.importRows(actor, template, resume(first, rows), { lang, onProgress });
        return { counts, reportKey: errors.length ? await deps.files.put(await reportBytes(errors, lang)) : null };
      } finally {
        await rows.return(undefined);
        input.destroy();
        await remove();
      }
    },
  });
}

const unreadable = (why: string) => new AppError('registry.import_unreadable', [{ field: 'file', reason: 'unreadable', value: why }]);

/** The rows again, the one read to check the header first; a file broken further down fails the job as unreadable. */
async function* resume(first: IteratorResult<ImportRow>, rest: AsyncGenerator<ImportRow>): AsyncGenerator<ImportRow> {
  if (first.done) return;
  yield first.value;
  try {
    yield* rest;
  } catch (e) {
    throw unreadable((e as Error).message);
  }
}

async function reportBytes(errors: ReportedError[], lang: Lang): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await writeErrorReport(errors, out, lang);
  return Buffer.concat(chunks);
}
