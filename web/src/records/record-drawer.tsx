import { CheckCircleOutlined, EditOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, type DescriptionsProps, Drawer, Space, Spin, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordChange, RecordType } from '../api/replies.ts';
import { useAuth } from '../auth/auth-context.tsx';
import { RecordCases } from '../events/record-cases.tsx';
import type { RecordDescriber } from '../people/change-values.ts';
import { PersonHistory } from '../people/person-history.tsx';
import { VerifiedLine } from '../people/verified-line.tsx';
import { useBusyAction } from '../use-busy-action.ts';

/** What every versioned base record's reply carries, and so what its drawer shows the same way. */
export interface VersionedRecord {
  version: number;
  verifiedAt: string | null;
  verifiedBy: string | null;
  history: RecordChange[];
}

/** The record's edit dialog as the drawer opens it: shown while `open`, and told how to close or report a save. */
export interface EditDialog {
  open: boolean;
  onClose(): void;
  onSaved(): void;
}

interface Props<R extends VersionedRecord> {
  open: boolean;
  onClose(): void;
  /** The record once read (and matching the key asked for), else null while it loads. */
  record: R | null;
  loading: boolean;
  title(r: R): string;
  /** The title while the record loads. */
  loadingTitle: string;
  width?: number | string;
  className?: string;
  columns?: DescriptionsProps['column'];
  factsClassName?: string;
  /** The record's own facts as `Descriptions.Item`s; the verify line follows them. */
  facts(r: R): ReactNode;
  /** Buttons of this kind of record for those who keep the records, before 核实 and 编辑. */
  actions?(r: R): ReactNode;
  /** Records that the record was checked and found right (核实无误), on the version shown. */
  verify?(r: R): Promise<unknown>;
  /** The record's edit form; the drawer gives it an 编辑 button, opens it, and reads the record again after a save. */
  editForm?(r: R, dialog: EditDialog): ReactNode;
  /** The edit button's words when not 编辑 (a group's 调整成员). */
  editLabel?: string;
  editTestId?: string;
  /** After a change made from the drawer (a verify or an edit here, or a dialog the caller opens). */
  onChanged(): void;
  /** What this kind of record shows between its facts and its cases (residents, houses, members…). */
  sections?(r: R): ReactNode;
  /** The record as a subject of cases (相关事件). */
  cases?(r: R): { type: RecordType; key: string };
  describe?: RecordDescriber;
  /** Dialogs and nested drawers, mounted once the record is read. */
  children?(r: R): ReactNode;
}

/**
 * The one drawer of a versioned base record: header with its actions, the facts and who last verified them,
 * its own sections, the cases about it and every change of it. A record kind gives its facts and sections only.
 */
export function RecordDrawer<R extends VersionedRecord>(p: Props<R>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useAuth();
  const { busy, run } = useBusyAction();
  const [editing, setEditing] = useState(false);
  const r = p.record;
  const writer = can('registry.write');
  const verify = (x: R) =>
    run(async () => {
      await p.verify?.(x);
      void message.success(t('record.verifiedNow'));
      p.onChanged();
    });

  return (
    <Drawer
      open={p.open}
      onClose={p.onClose}
      width={p.width ?? 'min(720px, 100vw)'}
      className={p.className}
      title={r ? p.title(r) : p.loadingTitle}
      destroyOnHidden
      extra={
        r &&
        writer && (
          <Space wrap>
            {p.actions?.(r)}
            {p.verify && (
              <Button icon={<CheckCircleOutlined />} loading={busy} onClick={() => verify(r)} data-testid="record-verify">
                {t('record.verify')}
              </Button>
            )}
            {p.editForm && (
              <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid={p.editTestId}>
                {p.editLabel ?? t('common.edit')}
              </Button>
            )}
          </Space>
        )
      }
    >
      {!r ? (
        <Spin className="panel-spin" spinning={p.loading} />
      ) : (
        <>
          <Descriptions column={p.columns ?? 2} size="small" bordered className={p.factsClassName}>
            {p.facts(r)}
            <Descriptions.Item label={t('record.verifiedAt')} span="filled">
              <VerifiedLine at={r.verifiedAt} by={r.verifiedBy} />
            </Descriptions.Item>
          </Descriptions>
          {p.sections?.(r)}
          {p.cases && <RecordCases type={p.cases(r).type} recordKey={p.cases(r).key} />}
          <Typography.Title level={5} className="detail-section">
            {t('record.history', { n: r.history.length })}
          </Typography.Title>
          <PersonHistory history={r.history} describe={p.describe} />
          {p.editForm?.(r, {
            open: editing,
            onClose: () => setEditing(false),
            onSaved: () => {
              setEditing(false);
              void message.success(t('common.saved'));
              p.onChanged();
            },
          })}
          {p.children?.(r)}
        </>
      )}
    </Drawer>
  );
}
