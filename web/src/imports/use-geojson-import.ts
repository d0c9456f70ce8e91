import { App } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorDetail } from '../../../shared/errors.ts';
import { api, ApiError } from '../api.ts';
import { useShowError } from '../use-show-error.tsx';

/**
 * Reads a .geojson/.json file and POSTs it as JSON. A 422 leaves its problem list in `problems`
 * (for a table by feature); other errors go to the usual message.
 */
export function useGeoJsonImport<T>() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<ErrorDetail[] | null>(null);

  const run = useCallback(
    async (file: File, url: string): Promise<T | null> => {
      setProblems(null);
      let body: unknown;
      try {
        body = JSON.parse(await file.text());
      } catch {
        void message.error(t('import.notJson', { name: file.name }));
        return null;
      }
      setBusy(true);
      try {
        return await api<T>(url, { method: 'POST', body });
      } catch (err) {
        if (err instanceof ApiError && err.status === 422) {
          void message.error(err.body.message);
          setProblems(err.body.details);
        } else showError(err);
        return null;
      } finally {
        setBusy(false);
      }
    },
    [message, showError, t],
  );

  return { run, busy, problems, clearProblems: useCallback(() => setProblems(null), []) };
}
