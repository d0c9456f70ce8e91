import { DeleteOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Input, InputNumber, Popconfirm, Radio, Space, Table, Tag, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorDetail } from '../../../shared/errors.ts';
import { CALENDAR_HOLIDAY_NAME_MAX, CALENDAR_NOTE_MAX, CALENDAR_YEARS } from '../../../shared/limits.ts';
import type { CalendarCoverage, ScheduleDay } from '../api/replies.ts';
import { ApiError, api } from '../api.ts';
import { useApi } from '../use-api.ts';
import { useBusyAction } from '../use-busy-action.ts';

/** The coverage warning: deadlines can run into a year the calendar has no holidays for. */
export function CoverageWarning({ coverage }: { coverage: CalendarCoverage | null }) {
  const { t } = useTranslation();
  if (!coverage?.warning) return null;
  const { year, daysLeft } = coverage.warning;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="calendar-coverage-warning"
      message={t(daysLeft > 0 ? 'calendar.coverage.comingUp' : 'calendar.coverage.begun', { year, days: daysLeft })}
      description={t('calendar.coverage.provisional', { year, n: coverage.provisionalDeadlines })}
    />
  );
}

/**
 * 年度节假日安排: the years the calendar covers, and a year's official schedule entered by hand or from an
 * iCalendar file (previewed first), for a year the holiday package does not have yet.
 */
export function CalendarYears() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { busy, run } = useBusyAction();
  const { data: coverage, reload: reloadCoverage } = useApi('/api/calendar/coverage');
  const [year, setYear] = useState<number | null>(null);
  const shown = year ?? coverage?.warning?.year ?? new Date().getFullYear() + 1;
  const { data: saved, reload } = useApi('/api/calendar/years/{year}', { params: { path: { year: shown } } });
  const [draft, setDraft] = useState<ScheduleDay[]>([]);
  const [note, setNote] = useState('');
  const [icsProblems, setIcsProblems] = useState<ErrorDetail[] | null>(null);
  // The previewed file's text while its days stand unedited: saved through the import, so the year says it came from a file.
  const [pendingIcs, setPendingIcs] = useState<string | null>(null);
  const official = saved?.source === 'official';

  // A year loaded (or changed) replaces the draft with what is stored.
  useEffect(() => {
    setDraft(saved?.days ?? []);
    setNote(saved?.note ?? '');
    setPendingIcs(null);
  }, [saved]);

  const refresh = () => {
    reload();
    reloadCoverage();
  };
  const changeDraft = (change: (days: ScheduleDay[]) => ScheduleDay[]) => {
    setPendingIcs(null);
    setDraft(change);
  };
  const edit = (i: number, change: Partial<ScheduleDay>) => changeDraft((days) => days.map((d, j) => (j === i ? { ...d, ...change } : d)));

  const importIcs = (file: File) =>
    run(async () => {
      setIcsProblems(null);
      try {
        const ics = await file.text();
        const preview = await api.POST('/api/calendar/years/{year}/ics', {
          params: { path: { year: shown } },
          body: { ics, dryRun: true },
        });
        setDraft(preview.days);
        setPendingIcs(ics);
        void message.info(t('calendar.years.previewed', { n: preview.days.length, other: preview.otherYears ?? 0 }));
      } catch (err) {
        if (err instanceof ApiError && err.body.code === 'calendar.ics_invalid') setIcsProblems(err.body.details);
        else throw err;
      }
    });
  const save = () =>
    run(async () => {
      const path = { params: { path: { year: shown } } };
      const reply = pendingIcs
        ? await api.POST('/api/calendar/years/{year}/ics', { ...path, body: { ics: pendingIcs, ...(note ? { note } : {}) } })
        : await api.PUT('/api/calendar/years/{year}', {
            ...path,
            body: { days: [...draft].sort((a, b) => a.day.localeCompare(b.day)), ...(note ? { note } : {}) },
          });
      void message.success(t('calendar.years.saved', { year: shown, n: reply.recomputed ?? 0 }));
      refresh();
    });
  const remove = () =>
    run(async () => {
      const reply = await api.DELETE('/api/calendar/years/{year}', { params: { path: { year: shown } } });
      void message.success(t('calendar.years.removed', { year: shown, n: reply.recomputed }));
      refresh();
    });

  return (
    <Space direction="vertical" className="full-width">
      <CoverageWarning coverage={coverage} />
      <Space wrap>
        {t('calendar.years.covered')}
        {coverage?.years.slice(-4).map((y) => (
          <Tag key={y.year} color={y.source === 'official' ? 'default' : 'blue'}>
            {y.year} · {t(`calendar.years.source.${y.source}`)}
          </Tag>
        ))}
      </Space>
      <Typography.Paragraph type="secondary">{t('calendar.years.hint')}</Typography.Paragraph>
      <Space wrap>
        {t('calendar.year')}
        <InputNumber
          min={CALENDAR_YEARS.min}
          max={CALENDAR_YEARS.max}
          precision={0}
          value={shown}
          onChange={(y) => y && setYear(y)}
          data-testid="calendar-schedule-year"
        />
        {saved && (
          <Tag color={saved.covered ? 'green' : 'orange'}>
            {saved.source ? t(`calendar.years.source.${saved.source}`) : t('calendar.years.notCovered')}
          </Tag>
        )}
        {!official && (
          <>
            <Upload
              accept=".ics,text/calendar"
              showUploadList={false}
              beforeUpload={(file) => {
                void importIcs(file);
                return false;
              }}
            >
              <Button icon={<UploadOutlined />} loading={busy} data-testid="calendar-ics">
                {t('calendar.years.importIcs')}
              </Button>
            </Upload>
            <Button
              icon={<PlusOutlined />}
              onClick={() => changeDraft((days) => [...days, { day: `${shown}-01-01`, kind: 'holiday', name: null }])}
            >
              {t('calendar.years.addDay')}
            </Button>
          </>
        )}
      </Space>
      {icsProblems && (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setIcsProblems(null)}
          message={t('calendar.years.icsInvalid')}
          data-testid="calendar-ics-problems"
          description={
            <ul className="error-details">
              {icsProblems.map((d, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a reply's details never change order once shown
                <li key={i}>
                  {t('calendar.years.line', { line: d.line })}
                  {d.property ? ` ${String(d.property)}` : ''}:{' '}
                  {t(`calendar.icsReason.${d.reason}`, { defaultValue: d.message ?? d.reason })}
                </li>
              ))}
            </ul>
          }
        />
      )}
      <Table<ScheduleDay & { i: number }>
        rowKey="i"
        size="small"
        pagination={false}
        dataSource={draft.map((d, i) => ({ ...d, i }))}
        locale={{ emptyText: t(official ? 'calendar.years.emptyOfficial' : 'calendar.years.empty') }}
        columns={[
          {
            title: t('calendar.day'),
            dataIndex: 'day',
            render: (day: string, d) =>
              official ? (
                <span className="mono">{day}</span>
              ) : (
                <Input type="date" value={day} onChange={(e) => edit(d.i, { day: e.target.value })} />
              ),
          },
          {
            title: t('calendar.years.kind'),
            dataIndex: 'kind',
            render: (kind: ScheduleDay['kind'], d) =>
              official ? (
                <Tag color={kind === 'workday' ? 'blue' : 'green'}>{t(`calendar.years.${kind}`)}</Tag>
              ) : (
                <Radio.Group
                  value={kind}
                  onChange={(e) => edit(d.i, { kind: e.target.value })}
                  options={[
                    { value: 'holiday', label: t('calendar.years.holiday') },
                    { value: 'workday', label: t('calendar.years.workday') },
                  ]}
                />
              ),
          },
          {
            title: t('calendar.years.name'),
            dataIndex: 'name',
            render: (name: string | null, d) =>
              official ? (
                (name ?? '—')
              ) : (
                <Input
                  maxLength={CALENDAR_HOLIDAY_NAME_MAX}
                  value={name ?? ''}
                  onChange={(e) => edit(d.i, { name: e.target.value || null })}
                />
              ),
          },
          ...(official
            ? []
            : [
                {
                  key: 'remove',
                  render: (_: unknown, d: { i: number }) => (
                    <Button
                      type="text"
                      icon={<DeleteOutlined />}
                      aria-label={t('calendar.years.removeDay')}
                      onClick={() => changeDraft((days) => days.filter((_x, j) => j !== d.i))}
                    />
                  ),
                },
              ]),
        ]}
      />
      {!official && (
        <Space wrap>
          <Input
            placeholder={t('calendar.years.note')}
            maxLength={CALENDAR_NOTE_MAX}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            className="calendar-year-note"
          />
          <Button type="primary" loading={busy} disabled={draft.length === 0} onClick={() => void save()} data-testid="calendar-year-save">
            {t('calendar.years.save', { year: shown })}
          </Button>
          {saved?.source && (
            <Popconfirm title={t('calendar.years.removeConfirm', { year: shown })} onConfirm={() => void remove()}>
              <Button danger>{t('calendar.years.remove')}</Button>
            </Popconfirm>
          )}
        </Space>
      )}
    </Space>
  );
}
