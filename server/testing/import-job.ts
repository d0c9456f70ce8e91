import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { multipartFile } from './multipart.ts';

type Request = (opts: InjectOptions) => Promise<LightMyRequestResponse>;

export interface ImportJobReply {
  id: string;
  state: 'running' | 'done' | 'failed';
  read: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  percent: number;
  reportReady: boolean;
  failure: { code: string; message: string } | null;
}

/** Uploads a file to start an import; the reply is the 202 with the job, or the refusal of the file. */
export const startImport = (request: Request, template: string, bytes: Buffer, name = 'data.csv') =>
  request({ method: 'POST', url: `/api/registry/imports/${template}`, ...multipartFile(bytes, name) });

/** Follows a job until it is no longer running; every state seen on the way is kept in `seen`. */
export async function followImport(request: Request, id: string): Promise<{ last: ImportJobReply; seen: ImportJobReply[] }> {
  const seen: ImportJobReply[] = [];
  for (;;) {
    const res = await request({ method: 'GET', url: `/api/registry/import-jobs/${id}` });
    if (res.statusCode !== 200) throw new Error(`progress of ${id}: ${res.statusCode} ${res.body}`);
    const job = res.json() as ImportJobReply;
    seen.push(job);
    if (job.state !== 'running') return { last: job, seen };
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Starts an import and waits for its end: the finished job. */
export async function importFile(request: Request, template: string, bytes: Buffer, name = 'data.csv'): Promise<ImportJobReply> {
  const res = await startImport(request, template, bytes, name);
  if (res.statusCode !== 202) throw new Error(`import of ${name}: ${res.statusCode} ${res.body}`);
  return (await followImport(request, res.json().id)).last;
}
