import { useCallback, useState } from 'react';
import { useShowError } from './use-show-error.tsx';

/** Runs one server call of a dialog: busy while it runs, errors shown in the one usual way. */
export function useBusyAction() {
  const showError = useShowError();
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async (action: () => Promise<void>) => {
      setBusy(true);
      try {
        await action();
      } catch (err) {
        showError(err);
      } finally {
        setBusy(false);
      }
    },
    [showError],
  );
  return { busy, run };
}
