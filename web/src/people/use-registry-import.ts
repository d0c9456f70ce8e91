import { useCallback, useState } from 'react';
import type { ErrorDetail } from '../../../shared/errors.ts';
import { apiUpload, ApiError } from '../api.ts';
import type { RegistryImportResult, RegistryTemplate } from '../types.ts';
import { useShowError } from '../use-show-error.tsx';

/** A file the server refused as a whole: not a spreadsheet (415) or a header that does not fit (422). */
export interface ImportFailure {
  file: string;
  status: number;
  message: string;
  details: ErrorDetail[];
}

/**
 * Uploads a .xlsx/.csv as the multipart field "file". The counts come back in `result`; a refused file in
 * `failure` (shown by the card, with the columns at fault); any other error goes to the usual message.
 */
export function useRegistryImport() {
  const showError = useShowError();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<(RegistryImportResult & { file: string }) | null>(null);
  const [failure, setFailure] = useState<ImportFailure | null>(null);

  const run = useCallback(
    async (file: File, template: RegistryTemplate) => {
      setResult(null);
      setFailure(null);
      setBusy(true);
      const form = new FormData();
      form.append('file', file, file.name);
      try {
        const reply = await apiUpload<RegistryImportResult>(`/api/registry/imports/${template}`, form);
        setResult({ ...reply, file: file.name });
      } catch (err) {
        if (err instanceof ApiError && (err.status === 415 || err.status === 422 || err.status === 413)) {
          setFailure({ file: file.name, status: err.status, message: err.body.message, details: err.body.details });
        } else showError(err);
      } finally {
        setBusy(false);
      }
    },
    [showError],
  );

  const clear = useCallback(() => {
    setResult(null);
    setFailure(null);
  }, []);

  return { run, busy, result, failure, clear };
}
