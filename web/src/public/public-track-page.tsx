import { Button, Descriptions, Input, Space, Tag, Timeline, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { PublicReport } from '../api/replies.ts';
import { api } from '../api.ts';
import { useShowError } from '../use-show-error.tsx';
import { myCodes } from './my-codes.ts';
import { PublicRating } from './public-rating.tsx';

/** 进度查询: a tracking code in, that report's progress out — and the rating once it is closed. */
export function PublicTrackPage() {
  const { t, i18n } = useTranslation();
  const showError = useShowError();
  const [params, setParams] = useSearchParams();
  const [code, setCode] = useState(params.get('code') ?? '');
  const [report, setReport] = useState<PublicReport | null>(null);
  const [loading, setLoading] = useState(false);
  const recent = myCodes();
  const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString(i18n.language) : '—');

  const look = useCallback(
    async (value: string) => {
      const trimmed = value.trim();
      if (!trimmed) return;
      setLoading(true);
      setReport(null);
      try {
        setReport(await api.GET('/api/public/reports/{code}', { params: { path: { code: trimmed } } }));
        setParams({ code: trimmed }, { replace: true });
      } catch (err) {
        showError(err);
      } finally {
        setLoading(false);
      }
    },
    [setParams, showError],
  );

  // A code arriving in the link (from the report just sent) is looked up once.
  const initial = useRef(params.get('code'));
  useEffect(() => {
    const first = initial.current;
    initial.current = null;
    if (first) void look(first);
  }, [look]);

  return (
    <div className="public-track">
      <Space.Compact className="full-width">
        <Input
          size="large"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          onPressEnter={() => void look(code)}
          placeholder={t('publicReport.codePlaceholder')}
          aria-label={t('publicReport.code')}
          data-testid="public-code-input"
        />
        <Button type="primary" size="large" loading={loading} onClick={() => void look(code)}>
          {t('publicReport.search')}
        </Button>
      </Space.Compact>
      {!report && recent.length > 0 && (
        <div className="public-recent">
          <Typography.Text type="secondary">{t('publicReport.recent')}</Typography.Text>
          {recent.map((c) => (
            <Button
              key={c}
              type="link"
              className="mono"
              onClick={() => {
                setCode(c);
                void look(c);
              }}
            >
              {c}
            </Button>
          ))}
        </div>
      )}
      {report && (
        <div className="public-report" data-testid="public-report">
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('publicReport.caseNo')}>
              <span className="mono">{report.caseNo}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('publicReport.item')}>{report.itemName}</Descriptions.Item>
            <Descriptions.Item label={t('publicReport.status')}>
              <Tag color="blue" data-testid="public-status">
                {t(`eventStatus.${report.status}`, { defaultValue: report.status })}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('publicReport.description')}>{report.description}</Descriptions.Item>
            <Descriptions.Item label={t('publicReport.reportedAt')}>{when(report.reportedAt)}</Descriptions.Item>
            <Descriptions.Item label={t('publicReport.closedAt')}>{when(report.closedAt)}</Descriptions.Item>
            {report.reply && <Descriptions.Item label={t('publicReport.reply')}>{report.reply}</Descriptions.Item>}
            {report.rating && (
              <Descriptions.Item label={t('publicReport.yourRating')}>
                {t(`rating.${report.rating}`, { defaultValue: report.rating })}
              </Descriptions.Item>
            )}
          </Descriptions>
          {report.mergedInto && (
            <Typography.Paragraph type="secondary" className="public-merged">
              {t('publicReport.mergedInto', {
                caseNo: report.mergedInto.caseNo,
                status: t(`eventStatus.${report.mergedInto.status}`, { defaultValue: report.mergedInto.status }),
              })}
            </Typography.Paragraph>
          )}
          <Typography.Title level={5}>{t('publicReport.timeline')}</Typography.Title>
          <Timeline
            items={report.timeline.map((step, i) => ({
              key: i,
              children: (
                <span>
                  {t(`eventStatus.${step.status}`, { defaultValue: step.status })}{' '}
                  <Typography.Text type="secondary">{when(step.at)}</Typography.Text>
                </span>
              ),
            }))}
          />
          {report.canRate && <PublicRating code={report.trackingCode} onRated={setReport} />}
        </div>
      )}
    </div>
  );
}
