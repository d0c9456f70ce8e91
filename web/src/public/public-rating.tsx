import { App, Button, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RATINGS } from '../../../shared/enums.ts';
import { DESCRIPTION_MAX } from '../../../shared/limits.ts';
import type { PublicReport } from '../api/replies.ts';
import { api } from '../api.ts';
import { useBusyAction } from '../use-busy-action.ts';

/** 满意 / 基本满意 / 不满意 for a closed report; dissatisfied asks why, as the centre acts on the reason. */
export function PublicRating({ code, onRated }: { code: string; onRated(report: PublicReport): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { busy, run } = useBusyAction();
  const [unhappy, setUnhappy] = useState(false);
  const [note, setNote] = useState('');

  const rate = (rating: (typeof RATINGS)[number]) =>
    run(async () => {
      const reply = await api.POST('/api/public/reports/{code}/rating', {
        params: { path: { code } },
        body: { rating, ...(note.trim() ? { note: note.trim() } : {}) },
      });
      void message.success(t('publicReport.rated'));
      onRated(reply);
    });

  return (
    <div className="public-rating" data-testid="public-rating">
      <Typography.Title level={5}>{t('publicReport.rate')}</Typography.Title>
      <Space wrap>
        <Button type="primary" loading={busy} onClick={() => void rate('satisfied')}>
          {t('rating.satisfied')}
        </Button>
        <Button loading={busy} onClick={() => void rate('basic')}>
          {t('rating.basic')}
        </Button>
        <Button danger loading={busy} onClick={() => setUnhappy(true)}>
          {t('rating.dissatisfied')}
        </Button>
      </Space>
      {unhappy && (
        <Space.Compact className="full-width public-rating-note">
          <Input
            value={note}
            maxLength={DESCRIPTION_MAX}
            onChange={(e) => setNote(e.target.value)}
            placeholder={t('publicReport.ratingNote')}
          />
          <Button
            danger
            type="primary"
            loading={busy}
            disabled={!note.trim()}
            title={note.trim() ? undefined : t('publicReport.needRatingNote')}
            onClick={() => void rate('dissatisfied')}
          >
            {t('rating.dissatisfied')}
          </Button>
        </Space.Compact>
      )}
    </div>
  );
}
