import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { AssessmentExplanation } from '../api/replies.ts';
import { currentLang } from '../i18n/index.ts';
import { useApi } from '../use-api.ts';
import { EvidenceDrawer, type EvidenceScope } from './evidence-drawer.tsx';
import { bandText, valueText } from './kinds.ts';

type Item = AssessmentExplanation['items'][number];

/** 得分说明: one assessee's score item by item — definition, value, what it was read from, points — down to the cases and records. */
export function ExplainPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const lang = currentLang() === 'en' ? 'en' : 'zh';
  const [params] = useSearchParams();
  const id = params.get('result');
  const { data } = useApi('/api/assessment/results/{id}', id ? { params: { path: { id } } } : null);
  const [open, setOpen] = useState<EvidenceScope | null>(null);
  if (!data) return <div className="page" />;
  const { run, result } = data;
  const partLink = (it: Item, n: number | null, fact: string | undefined, testId: string) =>
    n === null ? null : (
      <Button
        type="link"
        size="small"
        data-testid={testId}
        onClick={() => setOpen({ resultId: result.id, key: it.key, fact, name: it.name, counted: n })}
      >
        {n}
      </Button>
    );
  return (
    <div className="page">
      <div className="page-toolbar">
        <Space>
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/assessment/results')} aria-label={t('assessment.explain.back')} />
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('assessment.explain.title')} · {result.assesseeName}
          </Typography.Title>
        </Space>
      </div>
      <Descriptions size="small" column={{ xs: 1, md: 3 }} bordered>
        <Descriptions.Item label={t('assessment.month')}>
          {t('assessment.explain.period', { period: run.period, scheme: run.scheme.name })}
        </Descriptions.Item>
        <Descriptions.Item label={t('assessment.results.score')}>
          <strong data-testid="explain-score">{result.score}</strong> <Tag>{bandText(run.kind, result.band)}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('assessment.explain.status')}>
          <Tag>{t(`assessment.status.${run.status}`)}</Tag>
        </Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph style={{ marginTop: 12 }} data-testid="explain-total">
        {t('assessment.explain.total', { computed: result.computedScore, adjustment: result.adjustment, score: result.score })}
      </Typography.Paragraph>
      {result.adjustReason && (
        <Alert
          type="warning"
          showIcon
          message={t('assessment.explain.adjustReason', { reason: result.adjustReason, by: result.adjustedBy })}
        />
      )}
      <Table<Item>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={data.items}
        scroll={{ x: 760 }}
        style={{ marginTop: 12 }}
        data-testid="explain-items"
        columns={[
          {
            title: t('assessment.explain.item'),
            key: 'name',
            render: (_, it) => (
              <Space size={4} wrap>
                <Tag>{t(`assessment.sources.${it.source}`)}</Tag>
                <span>{it.name}</span>
                {it.definition && (
                  <Tooltip title={it.definition[lang]}>
                    <Typography.Text type="secondary">ⓘ</Typography.Text>
                  </Tooltip>
                )}
                {it.countsActivity && <Tag color="orange">{t('assessment.countsActivity')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('assessment.explain.value'),
            key: 'value',
            align: 'right',
            render: (_, it) => valueText(it.value, it.source, it.denominator === null && it.source === 'indicator' ? 'count' : 'rate'),
          },
          {
            title: t('assessment.explain.parts'),
            key: 'parts',
            render: (_, it) => {
              if (it.source === 'manual')
                return it.entry
                  ? t('assessment.explain.entry', { by: it.entry.by, note: it.entry.note })
                  : t('assessment.explain.notEntered');
              return (
                <Space size={0}>
                  {partLink(it, it.numerator, it.facts[0], `numerator-${it.key}`)}
                  {it.denominator !== null && (
                    <>
                      <span>/</span>
                      {partLink(it, it.denominator, it.facts[1], `denominator-${it.key}`)}
                    </>
                  )}
                </Space>
              );
            },
          },
          {
            title: t('assessment.explain.points'),
            key: 'points',
            align: 'right',
            render: (_, it) => (
              <Space direction="vertical" size={0} align="end">
                <span data-testid={`points-${it.key}`}>
                  {it.points} / {it.weight}
                </span>
                {it.empty && (
                  <Typography.Text type="secondary">
                    {t('assessment.explain.empty', { rule: t(`assessment.whenEmpty.${it.whenEmpty}`) })}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
        ]}
      />
      <EvidenceDrawer scope={open} onClose={() => setOpen(null)} />
    </div>
  );
}
