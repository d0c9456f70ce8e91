import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Input, InputNumber, Select, Space, Switch, Table, Tabs, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkBands, checkItems, countsActivity } from '../../../shared/assessment.ts';
import { chinaMonth } from '../../../shared/china-time.ts';
import { GRADE_LABELS, ITEM_SOURCES, SCORING_METHODS, STAR_LABELS } from '../../../shared/enums.ts';
import type { ErrorCode } from '../../../shared/errors.ts';
import { ERROR_MESSAGES } from '../../../shared/i18n/errors.ts';
import { ASSESSMENT } from '../../../shared/limits.ts';
import type { AssessmentScheme, SchemeBand, SchemeItemBody } from '../api/replies.ts';
import { api } from '../api.ts';
import { currentLang } from '../i18n/index.ts';
import { useApi } from '../use-api.ts';
import { useBusyAction } from '../use-busy-action.ts';
import { ASSESSEE_KINDS, type AssesseeKind } from './kinds.ts';
import { useSchemeAreas } from './use-scheme-areas.ts';

interface Draft {
  name: string;
  items: SchemeItemBody[];
  bands: SchemeBand[];
  version: number;
}

const draftOf = (s: AssessmentScheme): Draft => ({
  name: s.name,
  items: s.items.map(({ countsActivity: _, ...i }) => i),
  bands: s.bands,
  version: s.version,
});

/** 考核方案: the four schemes of a city or county, each edited whole with the server's rules checked as one types. */
export function SchemesPage() {
  const { t } = useTranslation();
  const areas = useSchemeAreas();
  const [area, setArea] = useState(areas.first);
  const [kind, setKind] = useState<AssesseeKind>('grid_worker');
  const { data, reload } = useApi('/api/assessment/schemes', area ? { params: { query: { area } } } : null);
  const scheme = data?.items.find((s) => s.kind === kind) ?? null;
  return (
    <div className="page">
      <div className="page-toolbar">
        <Typography.Title level={4}>{t('assessment.schemes.title')}</Typography.Title>
        <Select value={area} options={areas.options} onChange={setArea} style={{ minWidth: 180 }} aria-label={t('assessment.area')} />
      </div>
      <Alert
        type="info"
        showIcon
        message={t('assessment.noQuotaTitle')}
        description={t('assessment.noQuota')}
        data-testid="no-quota-note"
      />
      <Tabs
        activeKey={kind}
        onChange={(k) => setKind(k as AssesseeKind)}
        items={ASSESSEE_KINDS.map((k) => ({ key: k, label: t(`assessment.kinds.${k}`) }))}
      />
      {scheme && area && <SchemeEditor key={`${area}:${kind}:${scheme.version}`} area={area} scheme={scheme} onSaved={reload} />}
    </div>
  );
}

function SchemeEditor({ area, scheme, onSaved }: { area: string; scheme: AssessmentScheme; onSaved(): void }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const { message } = App.useApp();
  const { busy, run } = useBusyAction();
  const [draft, setDraft] = useState<Draft>(() => draftOf(scheme));
  const kind = scheme.kind as AssesseeKind;
  const editable = scheme.abilities.edit;
  const { data: figures } = useApi('/api/figures/indicators', { params: { query: { area, period: chinaMonth(new Date()) } } });
  const indicators = useMemo(
    () =>
      (figures?.indicators ?? []).map((d) => ({
        key: d.key,
        kind: d.kind as 'count' | 'rate',
        numerator: d.numerator.fact,
        denominator: d.denominator?.fact ?? null,
        name: lang === 'en' ? d.name.en : d.name.zh,
      })),
    [figures, lang],
  );
  useEffect(() => setDraft(draftOf(scheme)), [scheme]);

  const problems = [...(indicators.length ? checkItems(kind, draft.items, indicators) : []), ...checkBands(kind, draft.bands)];
  const sum = Math.round(draft.items.reduce((s, i) => s + (i.weight || 0), 0) * 100) / 100;
  const bandProblems = problems.filter((p) => p.field.startsWith('body.bands'));
  const words = (reason: string) => ERROR_MESSAGES[lang][reason as ErrorCode] ?? reason;
  const setItem = (i: number, patch: Partial<SchemeItemBody>) =>
    setDraft((d) => ({ ...d, items: d.items.map((it, k) => (k === i ? { ...it, ...patch } : it)) }));
  const setBand = (i: number, patch: Partial<SchemeBand>) =>
    setDraft((d) => ({ ...d, bands: d.bands.map((b, k) => (k === i ? { ...b, ...patch } : b)) }));
  const labels = kind === 'grid_worker' ? STAR_LABELS : GRADE_LABELS;

  const save = () =>
    run(async () => {
      await api.PUT('/api/assessment/schemes/{area}/{kind}', { params: { path: { area, kind } }, body: draft });
      void message.success(t('assessment.schemes.saved_ok'));
      onSaved();
    });

  return (
    <Space direction="vertical" className="full-width" data-testid="scheme-editor">
      <Space wrap>
        <Input
          value={draft.name}
          onChange={(e) => setDraft({ ...draft, name: e.target.value })}
          maxLength={ASSESSMENT.nameMax}
          disabled={!editable}
          style={{ width: 320 }}
          aria-label={t('assessment.schemes.name')}
        />
        <Typography.Text type="secondary">
          {scheme.isDefault
            ? t('assessment.schemes.default')
            : t('assessment.schemes.saved', { version: scheme.version, by: scheme.updatedBy })}
        </Typography.Text>
      </Space>
      {!editable && <Alert type="warning" message={t('assessment.schemes.readOnly')} />}
      <Space>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('assessment.schemes.items')}
        </Typography.Title>
        <Tag color={sum === 100 ? 'green' : 'red'} data-testid="weight-sum">
          {t('assessment.schemes.sum', { sum })}
        </Tag>
      </Space>
      <Table<SchemeItemBody>
        rowKey={(_, i) => String(i)}
        size="small"
        pagination={false}
        scroll={{ x: 1100 }}
        dataSource={draft.items}
        columns={[
          {
            title: t('assessment.schemes.itemName'),
            key: 'name',
            render: (_, it, i) => (
              <Space direction="vertical" size={0}>
                <Input
                  value={it.name}
                  maxLength={ASSESSMENT.nameMax}
                  disabled={!editable}
                  onChange={(e) => setItem(i, { name: e.target.value })}
                />
                {countsActivity(it) && <Tag color="orange">{t('assessment.countsActivity')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('assessment.schemes.key'),
            key: 'key',
            width: 120,
            render: (_, it, i) => (
              <Input
                value={it.key}
                maxLength={ASSESSMENT.keyMax}
                disabled={!editable}
                onChange={(e) => setItem(i, { key: e.target.value })}
              />
            ),
          },
          {
            title: t('assessment.schemes.weight'),
            key: 'weight',
            width: 90,
            render: (_, it, i) => (
              <InputNumber
                value={it.weight}
                min={0.01}
                max={100}
                step={1}
                precision={2}
                disabled={!editable}
                onChange={(v) => setItem(i, { weight: v ?? 0 })}
                data-testid={`weight-${i}`}
              />
            ),
          },
          {
            title: t('assessment.schemes.source'),
            key: 'source',
            width: 200,
            render: (_, it, i) => (
              <Space direction="vertical" size={4}>
                <Select
                  value={it.source}
                  disabled={!editable}
                  style={{ width: 180 }}
                  onChange={(source) =>
                    setItem(i, {
                      source,
                      indicator: source === 'indicator' ? it.indicator : undefined,
                      days: source === 'base_data' ? (it.days ?? 90) : undefined,
                    })
                  }
                  options={ITEM_SOURCES.map((s) => ({ value: s, label: t(`assessment.sources.${s}`) }))}
                />
                {it.source === 'indicator' && (
                  <Select
                    value={it.indicator}
                    disabled={!editable}
                    showSearch
                    optionFilterProp="label"
                    style={{ width: 180 }}
                    onChange={(indicator) => setItem(i, { indicator })}
                    options={indicators.map((d) => ({ value: d.key, label: d.name }))}
                  />
                )}
                {it.source === 'base_data' && (
                  <InputNumber
                    value={it.days}
                    min={ASSESSMENT.days.min}
                    max={ASSESSMENT.days.max}
                    precision={0}
                    disabled={!editable}
                    addonAfter={t('assessment.schemes.days')}
                    onChange={(v) => setItem(i, { days: v ?? undefined })}
                  />
                )}
              </Space>
            ),
          },
          {
            title: t('assessment.schemes.method'),
            key: 'method',
            width: 170,
            render: (_, it, i) => (
              <Space direction="vertical" size={4}>
                <Select
                  value={it.method}
                  disabled={!editable}
                  style={{ width: 150 }}
                  onChange={(method) => setItem(i, { method })}
                  options={SCORING_METHODS.map((m) => ({ value: m, label: t(`assessment.methods.${m}`) }))}
                />
                {it.method === 'target' && (
                  <InputNumber
                    value={it.target}
                    min={0}
                    disabled={!editable}
                    onChange={(v) => setItem(i, { target: v ?? undefined })}
                    placeholder={t('assessment.schemes.target')}
                  />
                )}
              </Space>
            ),
          },
          {
            title: t('assessment.schemes.lowerIsBetter'),
            key: 'lower',
            width: 90,
            render: (_, it, i) => (
              <Switch checked={it.lowerIsBetter} disabled={!editable} onChange={(lowerIsBetter) => setItem(i, { lowerIsBetter })} />
            ),
          },
          {
            title: t('assessment.schemes.whenEmptyLabel'),
            key: 'empty',
            width: 120,
            render: (_, it, i) => (
              <Select
                value={it.whenEmpty}
                disabled={!editable}
                onChange={(whenEmpty) => setItem(i, { whenEmpty })}
                options={(['full', 'zero'] as const).map((w) => ({ value: w, label: t(`assessment.whenEmpty.${w}`) }))}
              />
            ),
          },
          {
            title: '',
            key: 'remove',
            width: 50,
            render: (_, _it, i) =>
              editable && (
                <Button
                  type="text"
                  icon={<DeleteOutlined />}
                  aria-label={t('assessment.schemes.remove')}
                  onClick={() => setDraft((d) => ({ ...d, items: d.items.filter((_, k) => k !== i) }))}
                />
              ),
          },
        ]}
      />
      {editable && draft.items.length < ASSESSMENT.itemsMax && (
        <Button
          icon={<PlusOutlined />}
          onClick={() =>
            setDraft((d) => ({
              ...d,
              items: [
                ...d.items,
                {
                  key: `item_${d.items.length + 1}`,
                  name: '',
                  weight: 0,
                  source: 'manual',
                  method: 'rate',
                  lowerIsBetter: false,
                  whenEmpty: 'full',
                },
              ],
            }))
          }
        >
          {t('assessment.schemes.addItem')}
        </Button>
      )}
      <Space>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('assessment.schemes.bands')}
        </Typography.Title>
        <Tag color={bandProblems.length === 0 ? 'green' : 'red'} data-testid="band-coverage">
          {t('assessment.schemes.coverage')}
        </Tag>
      </Space>
      <Table<SchemeBand>
        rowKey={(_, i) => String(i)}
        size="small"
        pagination={false}
        dataSource={draft.bands}
        columns={[
          {
            title: t('assessment.schemes.label'),
            key: 'label',
            render: (_, b, i) => (
              <Select
                value={b.label}
                disabled={!editable}
                style={{ width: 90 }}
                onChange={(label) => setBand(i, { label })}
                options={labels.map((l) => ({ value: l, label: l }))}
              />
            ),
          },
          {
            title: t('assessment.schemes.min'),
            key: 'min',
            render: (_, b, i) => (
              <InputNumber
                value={b.min}
                min={0}
                max={100}
                disabled={!editable}
                onChange={(v) => setBand(i, { min: v ?? 0 })}
                data-testid={`band-min-${i}`}
              />
            ),
          },
          {
            title: t('assessment.schemes.max'),
            key: 'max',
            render: (_, b, i) => (
              <InputNumber
                value={b.max}
                min={0}
                max={100}
                disabled={!editable}
                onChange={(v) => setBand(i, { max: v ?? 0 })}
                data-testid={`band-max-${i}`}
              />
            ),
          },
          {
            title: '',
            key: 'remove',
            width: 50,
            render: (_, _b, i) =>
              editable && (
                <Button
                  type="text"
                  icon={<DeleteOutlined />}
                  aria-label={t('assessment.schemes.remove')}
                  onClick={() => setDraft((d) => ({ ...d, bands: d.bands.filter((_, k) => k !== i) }))}
                />
              ),
          },
        ]}
      />
      {editable && draft.bands.length < ASSESSMENT.bandsMax && (
        <Button
          icon={<PlusOutlined />}
          onClick={() => setDraft((d) => ({ ...d, bands: [...d.bands, { min: 0, max: 0, label: labels.at(-1)! }] }))}
        >
          {t('assessment.schemes.addBand')}
        </Button>
      )}
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          data-testid="scheme-problems"
          message={t('assessment.schemes.problems')}
          description={
            <ul className="error-details">
              {problems.map((p) => (
                <li key={`${p.field}:${p.reason}`}>
                  {p.field.replace(/^body\./, '')}: {words(p.reason)}
                  {p.value !== undefined && p.value !== null ? `（${String(p.value)}）` : ''}
                </li>
              ))}
            </ul>
          }
        />
      )}
      {editable && (
        <Button type="primary" loading={busy} disabled={problems.length > 0} onClick={() => void save()} data-testid="save-scheme">
          {t('assessment.schemes.save')}
        </Button>
      )}
    </Space>
  );
}
