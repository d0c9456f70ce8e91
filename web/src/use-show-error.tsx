import { App } from 'antd';
import { useCallback } from 'react';
import { ApiError } from './api.ts';
import { detailText, fieldText } from './error-words.ts';
import { i18n } from './i18n/index.ts';

/**
 * Shows any thrown error: the server's translated message, and for 400/422 the list of problems, each in words.
 * The returned function stays the same across language changes, so effects may depend on it.
 */
export function useShowError(): (err: unknown) => void {
  const { message, notification } = App.useApp();
  return useCallback(
    (err: unknown) => {
      if (!(err instanceof ApiError)) {
        console.error(err);
        void message.error(i18n.t('error.network'));
        return;
      }
      const { details } = err.body;
      if ((err.status === 400 || err.status === 422) && details.length > 0) {
        notification.error({
          message: err.body.message,
          description: (
            <ul className="error-details">
              {details.map((d, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a reply's details never change order once shown
                <li key={i}>
                  {d.field ? `${fieldText(d.field)}: ` : ''}
                  {detailText(d)}
                </li>
              ))}
            </ul>
          ),
          duration: 8,
        });
        return;
      }
      void message.error(err.body.message);
    },
    [message, notification],
  );
}
