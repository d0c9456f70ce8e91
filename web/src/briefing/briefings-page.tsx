import { FileExcelOutlined, FilePdfOutlined, FileTextOutlined } from '@ant-design/icons';
import { App, Button, Input, Segmented, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chinaDate } from '../../../shared/china-time.ts';
import { BRIEFING_PICKED_MAX } from '../../../shared/limits.ts';
import type { BriefingSummary } from '../api/replies.ts';
import { api, apiBlob } from '../api.ts';
import { useAreaOptions } from '../figures/use-area-options.ts';
import { saveBlob } from '../save-file.ts';
import { useApi } from '../use-api.ts';
import { useBusyAction } from '../use-busy-action.ts';
import { BriefingDrawer } from './briefing-view.tsx';

type Span = 'month' | 'quarter';
const PATTERNS: Record<Span, RegExp> = { month: /^\d{4}-(0[1-9]|1[0-2])$/, quarter: /^\d{4}-Q[1-4]$/ };
/** Only these levels are briefed: a city or county (6 digits), a township (9). */
const BRIEFED = /^(\d{6}|\d{9})$/;

/** The month or quarter that ended last: what a centre briefs by default. */
function lastEnded(span: Span, today = chinaDate(new Date())): string {
  const [y, m] = today.split('-').map(Number);
  if (span === 'month') return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
  const q = Math.ceil(m / 3) - 1;
  return q === 0 ? `${y - 1}-Q4` : `${y}-Q${q}`;
}

/** 通报: an area's briefings, each version as it was generated, with 生成通报 and the PDF and Excel downloads. */
export function BriefingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const areas = useAreaOptions();
  const options = areas.options.filter((o) => BRIEFED.test(o.value));
  // A village workstation reads figures but is not briefed: it has no area to pick here.
  const [area, setArea] = useState<string | undefined>(areas.first && BRIEFED.test(areas.first) ? areas.first : undefined);
  const [span, setSpan] = useState<Span>('month');
  const [period, setPeriod] = useState(lastEnded('month'));
  const [open, setOpen] = useState<string | null>(null);
  const [typical, setTypical] = useState<string[]>([]);
  const valid = PATTERNS[span].test(period);
  const list = useApi('/api/briefings', area ? { params: { query: { area } } } : null);
  const { busy, run } = useBusyAction();

  const generate = () =>
    run(async () => {
      if (!area) return;
      const made = await api.POST('/api/briefings', { body: { area, period, ...(typical.length ? { typical } : {}) } });
      message.success(t('briefing.generated', { version: made.version }));
      list.reload();
      setOpen(made.id);
    });
  const download = (b: BriefingSummary, kind: 'pdf' | 'xlsx') =>
    run(async () => {
      const path = kind === 'pdf' ? '/api/briefings/{id}/briefing.pdf' : '/api/briefings/{id}/briefing.xlsx';
      saveBlob(
        await apiBlob(path, { path: { id: b.id } }),
        `${b.title}（${b.area.name}·${t('briefing.versionN', { n: b.version })}）.${kind}`,
      );
    });

  return (
    <div className="page">
      <div className="page-toolbar">
        <Typography.Title level={4}>{t('briefing.title')}</Typography.Title>
        <Space wrap>
          <Select value={area} options={options} onChange={setArea} style={{ minWidth: 160 }} aria-label={t('figures.area')} />
          <Segmented<Span>
            value={span}
            onChange={(s) => {
              setSpan(s);
              setPeriod(lastEnded(s));
            }}
            options={(['month', 'quarter'] as const).map((s) => ({ value: s, label: t(`briefing.kinds.${s}`) }))}
          />
          <Tooltip title={t('briefing.periodRule')}>
            <Input
              value={period}
              onChange={(e) => setPeriod(e.target.value.trim())}
              status={valid ? undefined : 'error'}
              style={{ width: 110 }}
              aria-label={t('briefing.period')}
              data-testid="briefing-period"
            />
          </Tooltip>
          <Tooltip title={t('briefing.typicalRule', { n: BRIEFING_PICKED_MAX })}>
            <Select
              mode="tags"
              value={typical}
              onChange={setTypical}
              open={false}
              maxCount={BRIEFING_PICKED_MAX}
              tokenSeparators={[',', '，', ' ']}
              placeholder={t('briefing.typical')}
              style={{ minWidth: 220 }}
              aria-label={t('briefing.typical')}
              data-testid="briefing-picked"
            />
          </Tooltip>
          <Button
            type="primary"
            icon={<FileTextOutlined />}
            onClick={generate}
            loading={busy}
            disabled={!valid || !area}
            data-testid="generate-briefing"
          >
            {t('briefing.generate')}
          </Button>
        </Space>
      </div>
      <Typography.Paragraph type="secondary">{t('briefing.frozen')}</Typography.Paragraph>
      <Table<BriefingSummary>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('briefing.none') }}
        pagination={false}
        scroll={{ x: 900 }}
        data-testid="briefings-table"
        columns={[
          {
            title: t('briefing.cols.title'),
            key: 'title',
            render: (_, b) => (
              <Button type="link" onClick={() => setOpen(b.id)} data-testid={`view-${b.period}-v${b.version}`}>
                {b.title}
              </Button>
            ),
          },
          { title: t('briefing.period'), dataIndex: 'period', width: 100 },
          { title: t('briefing.version'), key: 'version', width: 90, render: (_, b) => t('briefing.versionN', { n: b.version }) },
          {
            title: t('briefing.generatedBy'),
            key: 'by',
            width: 180,
            render: (_, b) => (
              <Space size={4}>
                <Tag color={b.trigger === 'scheduled' ? 'blue' : 'default'}>{t(`briefing.triggers.${b.trigger}`)}</Tag>
                {b.generatedBy ?? ''}
              </Space>
            ),
          },
          { title: t('briefing.generatedAt'), dataIndex: 'generatedAt', width: 170, render: (v: string) => new Date(v).toLocaleString() },
          {
            title: t('briefing.download'),
            key: 'files',
            width: 200,
            render: (_, b) => (
              <Space>
                <Button
                  size="small"
                  icon={<FilePdfOutlined />}
                  onClick={() => download(b, 'pdf')}
                  data-testid={`pdf-${b.period}-v${b.version}`}
                >
                  PDF
                </Button>
                <Button
                  size="small"
                  icon={<FileExcelOutlined />}
                  onClick={() => download(b, 'xlsx')}
                  data-testid={`xlsx-${b.period}-v${b.version}`}
                >
                  Excel
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <BriefingDrawer id={open} onClose={() => setOpen(null)} />
    </div>
  );
}
