import { App, Button, Form, Input, Modal, QRCode, Radio, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DECLARE } from '../../../shared/limits.ts';
import type { DeclarationPoint, RecordPlace, Task } from '../api/replies.ts';
import { api } from '../api.ts';
import { PointMap } from '../events/point-map.tsx';
import { SearchPicker } from '../search-picker.tsx';
import { useApi } from '../use-api.ts';
import { useBusyAction } from '../use-busy-action.ts';
import { PointsMap } from './points-map.tsx';

/** The address a point's QR code carries: this server's declaration page with the point's token. */
export const declareUrl = (token: string) => `${window.location.origin}/declare/${token}`;

/** One QR code to print: the task, the point, the code (an SVG from antd's QRCode, @rc-component/qrcode) and its address. */
function QrSheet({ task, point, onClose }: { task: Task; point: DeclarationPoint; onClose(): void }) {
  const { t } = useTranslation();
  const url = declareUrl(point.token);
  return (
    <Modal
      open
      onCancel={onClose}
      title={t('declare.points.qr')}
      footer={
        <Button type="primary" onClick={() => window.print()} data-testid="qr-print">
          {t('declare.points.print')}
        </Button>
      }
    >
      <div className="qr-sheet" data-testid="qr-sheet">
        <Typography.Title level={4}>{task.title}</Typography.Title>
        <div className="qr-sheet-point">{point.name}</div>
        <QRCode value={url} type="svg" size={240} bordered={false} errorLevel="M" data-testid="qr-code" />
        <div className="qr-sheet-scan">{t('declare.points.scan')}</div>
        <div className="secondary mono qr-sheet-url">{url}</div>
      </div>
    </Modal>
  );
}

interface Values {
  kind: 'building' | 'checkpoint';
  name?: string;
  grid?: string;
}

/** 发布二维码: a building picked from the base data, or a named checkpoint placed with a tap on the map of one of the task's grids. */
function PointDialog({ task, onClose, onSaved }: { task: Task; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? 'checkpoint';
  const grid = Form.useWatch('grid', form) ?? task.grids[0]?.code;
  const outline = useApi('/api/territory/grids/{code}', grid ? { params: { path: { code: grid } } } : null);
  const [point, setPoint] = useState<[number, number] | null>(null);
  const [building, setBuilding] = useState<RecordPlace | null>(null);
  const { busy, run } = useBusyAction();
  const save = (v: Values) =>
    run(async () => {
      const body =
        v.kind === 'building'
          ? { kind: v.kind, buildingCode: building?.key ?? null, name: v.name?.trim() || null }
          : { kind: v.kind, name: v.name ?? '', lng: point?.[0] ?? null, lat: point?.[1] ?? null };
      await api.POST('/api/tasks/{id}/points', { params: { path: { id: task.id } }, body });
      void message.success(t('declare.points.added'));
      onSaved();
    });
  const ready = kind === 'building' ? building !== null : point !== null;
  return (
    <Modal
      open
      title={t('declare.points.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: busy, disabled: !ready, 'data-testid': 'point-save' }}
      width={600}
    >
      <Form form={form} layout="vertical" initialValues={{ kind: 'checkpoint', grid: task.grids[0]?.code }} onFinish={(v) => void save(v)}>
        <Form.Item name="kind" label={t('declare.points.kind')}>
          <Radio.Group optionType="button" data-testid="point-kind">
            <Radio.Button value="checkpoint">{t('declare.points.kinds.checkpoint')}</Radio.Button>
            <Radio.Button value="building">{t('declare.points.kinds.building')}</Radio.Button>
          </Radio.Group>
        </Form.Item>
        {kind === 'building' ? (
          <Form.Item label={t('declare.points.building')} required>
            <SearchPicker<'/api/registry/lookup', RecordPlace>
              value={building}
              onPick={(r) => setBuilding(r && r.type === 'building' ? r : null)}
              path="/api/registry/lookup"
              queryFor={(q) => ({ q })}
              keyOf={(r) => `${r.type}:${r.key}`}
              label={(r) => r.name}
              detail={(r) => `${r.type === 'building' ? '' : `${r.type} · `}${r.address ?? r.key}`}
              placeholder={t('declare.points.buildingSearch')}
              testId="point-building"
            />
          </Form.Item>
        ) : (
          <>
            <Form.Item
              name="name"
              label={t('declare.points.checkpointName')}
              rules={[{ required: true, whitespace: true, message: t('declare.required') }]}
            >
              <Input maxLength={DECLARE.pointNameMax} data-testid="point-name" />
            </Form.Item>
            <Form.Item name="grid" label={t('declare.points.grid')}>
              <Select
                options={task.grids.map((g) => ({ value: g.code, label: g.name }))}
                onChange={() => setPoint(null)}
                data-testid="point-grid"
              />
            </Form.Item>
            <Form.Item
              label={t('declare.points.place')}
              required
              extra={point ? t('declare.points.placed', { lng: point[0].toFixed(5), lat: point[1].toFixed(5) }) : null}
            >
              <div className="declare-map">
                <PointMap outline={outline.data?.geometry ?? null} point={point} onPick={setPoint} />
              </div>
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}

/** 扫码申报 in the task drawer: the QR points of a screening, each with its declarations, on a table and a map; its owner publishes more. */
export function DeclarationPoints({ task }: { task: Task }) {
  const { t } = useTranslation();
  const points = useApi('/api/tasks/{id}/points', { params: { path: { id: task.id } } });
  const [adding, setAdding] = useState(false);
  const [shown, setShown] = useState<DeclarationPoint | null>(null);
  const items = points.data?.items ?? [];
  return (
    <div data-testid="declaration-points">
      <Space style={{ marginTop: 16, marginBottom: 8 }} wrap>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('declare.points.title')}
        </Typography.Title>
        {task.abilities.close && (
          <Button size="small" type="primary" onClick={() => setAdding(true)} data-testid="point-add">
            {t('declare.points.add')}
          </Button>
        )}
      </Space>
      <Typography.Paragraph type="secondary">{t('declare.points.hint')}</Typography.Paragraph>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        loading={points.loading}
        dataSource={items}
        locale={{ emptyText: t('declare.points.none') }}
        columns={[
          { title: t('declare.points.name'), dataIndex: 'name' },
          { title: t('declare.points.kind'), dataIndex: 'kind', render: (k: string) => t(`declare.points.kinds.${k}`) },
          { title: t('declare.points.grid'), key: 'grid', render: (_, p) => <span title={p.gridCode}>{p.gridName}</span> },
          { title: t('declare.points.pending'), dataIndex: 'pending', align: 'right' },
          { title: t('declare.points.confirmed'), dataIndex: 'confirmed', align: 'right' },
          { title: t('declare.points.rejected'), dataIndex: 'rejected', align: 'right' },
          {
            title: t('declare.points.qr'),
            key: 'qr',
            render: (_, p) => (
              <Button size="small" onClick={() => setShown(p)} data-testid={`point-qr-${p.name}`}>
                {t('declare.points.qr')}
              </Button>
            ),
          },
        ]}
      />
      {items.length > 0 && (
        <>
          <div className="secondary" style={{ marginTop: 8 }}>
            {t('declare.points.map')}
          </div>
          <div className="declare-map">
            <PointsMap points={items} />
          </div>
        </>
      )}
      {adding && (
        <PointDialog
          task={task}
          onClose={() => setAdding(false)}
          onSaved={() => {
            setAdding(false);
            points.reload();
          }}
        />
      )}
      {shown && <QrSheet task={task} point={shown} onClose={() => setShown(null)} />}
    </div>
  );
}
