import { App } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorDetail } from '../../../shared/errors.ts';
import type { BodyOf } from '../api/replies.ts';
import { ApiError } from '../api.ts';
import { useShowError } from '../use-show-error.tsx';

type FeatureCollection = BodyOf<'/api/territory/grids/import', 'post'>;

/**
 * Reads a .geojson/.json file and POSTs it as JSON. A 422 leaves its problem list in `problems`
 * (for a table by feature); other errors go to the usual message.
 */
export function useGeoJsonImport() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<ErrorDetail[] | null>(null);

  const run = useCallback(
    async <T>(file: File, send: (body: FeatureCollection) => Promise<T>): Promise<T | null> => {
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
        // Only shaped like GeoJSON: the server checks the file and answers 422 with its problems.
        return await send(body as FeatureCollection);
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
