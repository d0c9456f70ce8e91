import { App, Button, Empty, Input, List, Modal, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Declaration } from '../api/replies.ts';
import { api } from '../api.ts';
import { useApi } from '../use-api.ts';
import { useBusyAction } from '../use-busy-action.ts';

/**
 * 居民申报 on a phone: the declarations waiting at my grid's QR points of one task, each confirmed into the people
 * records (matched on the ID number by the server) or rejected with a reason. Everything shown masked.
 */
export function FieldDeclarations() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [params] = useSearchParams();
  const id = params.get('task') ?? '';
  const list = useApi('/api/tasks/{id}/declarations', id ? { params: { path: { id }, query: { status: 'pending' } } } : null);
  const { busy, run } = useBusyAction();
  const [rejecting, setRejecting] = useState<Declaration | null>(null);
  const [reason, setReason] = useState('');

  const confirm = (d: Declaration) =>
    run(async () => {
      const done = await api.POST('/api/declarations/{id}/confirm', { params: { path: { id: d.id } }, body: { version: d.version } });
      void message.success(
        `${t('declare.review.confirmed', { name: done.name })} · ${t(done.matched ? 'declare.review.matched' : 'declare.review.created')}`,
      );
      list.reload();
    });
  const reject = () =>
    run(async () => {
      if (!rejecting) return;
      await api.POST('/api/declarations/{id}/reject', {
        params: { path: { id: rejecting.id } },
        body: { version: rejecting.version, reason },
      });
      setRejecting(null);
      setReason('');
      void message.success(t('declare.review.rejected'));
      list.reload();
    });

  return (
    <div className="field-visits" data-testid="field-declarations">
      <List
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('declare.review.none')} /> }}
        renderItem={(d) => (
          <List.Item className="field-case" data-testid="field-declaration">
            <div className="declaration-item">
              <div>
                <strong>{d.name}</strong> <span className="mono secondary">{d.idNumber}</span>
              </div>
              <div className="secondary">
                {d.phone} · {t('declare.review.from', { place: d.cameFrom })}
              </div>
              <div className="secondary">
                <Tag>{d.pointName}</Tag>
                {new Date(d.declaredAt).toLocaleString(i18n.language)}
              </div>
              {Object.keys(d.answers).length > 0 && (
                <div className="secondary">
                  {Object.values(d.answers)
                    .map((v) => (typeof v === 'object' && v ? v.name : String(v)))
                    .join(' · ')}
                </div>
              )}
              <Space className="declaration-actions">
                <Button type="primary" size="large" loading={busy} onClick={() => void confirm(d)} data-testid="declaration-confirm">
                  {t('declare.review.confirm')}
                </Button>
                <Button size="large" danger onClick={() => setRejecting(d)} data-testid="declaration-reject">
                  {t('declare.review.reject')}
                </Button>
              </Space>
            </div>
          </List.Item>
        )}
      />
      <Modal
        open={rejecting !== null}
        title={t('declare.review.reject')}
        onCancel={() => setRejecting(null)}
        onOk={() => void reject()}
        okButtonProps={{ danger: true, loading: busy, disabled: !reason.trim(), 'data-testid': 'declaration-reject-ok' }}
      >
        <div>{t('declare.review.rejectReason')}</div>
        <Input.TextArea
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={200}
          data-testid="declaration-reject-reason"
        />
      </Modal>
    </div>
  );
}
