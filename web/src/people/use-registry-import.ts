import { useCallback, useEffect, useRef, useState } from 'react';
import type { ErrorDetail } from '../../../shared/errors.ts';
import type { RegistryImportJob, RegistryTemplate } from '../api/replies.ts';
import { ApiError, api, apiUpload } from '../api.ts';
import { useShowError } from '../use-show-error.tsx';

/** A file the server refused as a whole (not a spreadsheet, unreadable, a header that does not fit), or an import that stopped. */
export interface ImportFailure {
  file: string;
  status: number;
  message: string;
  details: ErrorDetail[];
}

export type ImportJobOf = RegistryImportJob & { file: string };

/** How often a running import is asked for its counts. */
const POLL_MS = 700;

/**
 * Uploads a .xlsx/.csv as the multipart field "file", which starts an import job on the server, then follows
 * the job: its counts in `progress` while it runs, the outcome in `result`; a refused file or a failed import
 * in `failure` (shown by the card, with the columns at fault); any other error goes to the usual message.
 */
export function useRegistryImport() {
  const showError = useShowError();
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<ImportJobOf | null>(null);
  const [result, setResult] = useState<ImportJobOf | null>(null);
  const [failure, setFailure] = useState<ImportFailure | null>(null);
  // Following stops when the page is left; the import itself goes on on the server.
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true; // again after a remount (React may unmount and mount an effect again, as StrictMode does)
    return () => {
      mounted.current = false;
    };
  }, []);

  const run = useCallback(
    async (file: File, template: RegistryTemplate) => {
      setResult(null);
      setFailure(null);
      setBusy(true);
      const form = new FormData();
      form.append('file', file, file.name);
      try {
        let job = await apiUpload('/api/registry/imports/{template}', form, { path: { template } });
        while (job.state === 'running' && mounted.current) {
          setProgress({ ...job, file: file.name });
          await new Promise((resolve) => setTimeout(resolve, POLL_MS));
          job = await api.GET('/api/registry/import-jobs/{id}', { params: { path: { id: job.id } } });
        }
        if (!mounted.current) return;
        if (job.failure) setFailure({ file: file.name, status: 500, message: job.failure.message, details: [] });
        else setResult({ ...job, file: file.name });
      } catch (err) {
        if (err instanceof ApiError && (err.status === 415 || err.status === 422 || err.status === 413)) {
          setFailure({ file: file.name, status: err.status, message: err.body.message, details: err.body.details });
        } else showError(err);
      } finally {
        setProgress(null);
        setBusy(false);
      }
    },
    [showError],
  );

  const clear = useCallback(() => {
    setResult(null);
    setFailure(null);
  }, []);

  return { run, busy, progress, result, failure, clear };
}
