import { DeleteOutlined, PlusOutlined, UserAddOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DISPUTE_TYPES, PARTY_KINDS, type PartyKind, RISK_LEVELS } from '../../../shared/disputes.ts';
import type { BodyOf, DisputeSource } from '../api/replies.ts';
import { api } from '../api.ts';
import { useAuth } from '../auth/auth-context.tsx';
import { peopleQueryProblem } from '../people/people-query.ts';
import { PersonForm } from '../people/person-form.tsx';
import { SearchPicker } from '../search-picker.tsx';
import { useBusyAction } from '../use-busy-action.ts';

type Body = BodyOf<'/api/disputes', 'post'>;
export interface Picked {
  kind: PartyKind;
  key: string;
  name: string;
  detail: string;
}
export interface PartyRow {
  picked: Picked | null;
  claim: string;
}

/** The types a dispute may carry (four-digit items and 99), grouped under their class. */
export function useTypeOptions() {
  const { i18n } = useTranslation();
  const name = (t: { zh: string; en: string }) => (i18n.language.startsWith('zh') ? t.zh : t.en);
  return DISPUTE_TYPES.filter((t) => t.parent === null).map((c) => ({
    label: `${c.code} ${name(c)}`,
    options: (c.code === '99' ? [c] : DISPUTE_TYPES.filter((t) => t.parent === c.code)).map((t) => ({
      value: t.code,
      label: `${t.code} ${name(t)}`,
    })),
  }));
}

export function useTypeName() {
  const { i18n } = useTranslation();
  return (code: string) => {
    const t = DISPUTE_TYPES.find((x) => x.code === code);
    return t ? (i18n.language.startsWith('zh') ? t.zh : t.en) : code;
  };
}

interface PersonItem {
  id: string;
  name: string;
  idNumber?: string;
  phone: string | null;
}
interface OrgItem {
  creditCode: string;
  name: string;
}

/** A party picked from the records (collect once): names and masked numbers come from the record, never typed. */
export function PartyPicker({ kind, value, onPick }: { kind: PartyKind; value: Picked | null; onPick(p: Picked | null): void }) {
  const { t } = useTranslation();
  if (kind === 'organisation')
    return (
      <SearchPicker<'/api/registry/organisations', OrgItem>
        value={value ? { creditCode: value.key, name: value.name } : null}
        onPick={(o) => onPick(o && { kind, key: o.creditCode, name: o.name, detail: o.creditCode })}
        path="/api/registry/organisations"
        queryFor={(q) => ({ q, limit: 20 })}
        keyOf={(o) => o.creditCode}
        label={(o) => o.name}
        detail={(o) => <span className="mono">{o.creditCode}</span>}
        placeholder={t('disputes.pickOrg')}
        testId="party-org-picker"
      />
    );
  return (
    <SearchPicker<'/api/registry/people', PersonItem>
      value={value ? { id: value.key, name: value.name, phone: null, idNumber: value.detail } : null}
      onPick={(p) => onPick(p && { kind, key: p.id, name: p.name, detail: [p.idNumber, p.phone].filter(Boolean).join(' ') })}
      path="/api/registry/people"
      queryFor={(q) => (peopleQueryProblem(q) ? null : { q, limit: 20 })}
      keyOf={(p) => p.id}
      label={(p) => p.name}
      detail={(p) => <span className="mono">{[p.idNumber, p.phone].filter(Boolean).join(' ')}</span>}
      placeholder={t('disputes.pickPerson')}
      empty={(q) => t(peopleQueryProblem(q) ?? (q ? 'people.noMatch' : 'people.searchFirst'))}
      testId="party-person-picker"
    />
  );
}

/** The parties of a dispute being recorded: each picked from the records (a person or an organisation) with what they ask. */
export function PartiesEditor({ value: parties, onChange }: { value: PartyRow[]; onChange(rows: PartyRow[]): void }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [kind, setKind] = useState<PartyKind>('person');
  // A party not on record is registered through the person form, then picked like any other.
  const [registering, setRegistering] = useState(false);
  const setParties = (change: (rows: PartyRow[]) => PartyRow[]) => onChange(change(parties));
  const setRow = (i: number, row: Partial<PartyRow>) => setParties((ps) => ps.map((p, j) => (j === i ? { ...p, ...row } : p)));
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {parties.map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity before a party is picked
        <div key={i} className="dispute-party-row">
          <PartyPicker kind={p.picked?.kind ?? kind} value={p.picked} onPick={(picked) => setRow(i, { picked })} />
          <Input
            placeholder={t('disputes.claim')}
            value={p.claim}
            onChange={(e) => setRow(i, { claim: e.target.value })}
            data-testid={`party-claim-${i}`}
          />
          <Button
            icon={<DeleteOutlined />}
            aria-label={t('disputes.removeParty')}
            onClick={() => setParties((ps) => ps.filter((_, j) => j !== i))}
          />
        </div>
      ))}
      <Space wrap>
        <Select value={kind} onChange={setKind} options={PARTY_KINDS.map((k) => ({ value: k, label: t(`disputes.partyKinds.${k}`) }))} />
        <Button icon={<PlusOutlined />} onClick={() => setParties((ps) => [...ps, { picked: null, claim: '' }])}>
          {t('disputes.addParty')}
        </Button>
        {can('registry.write') && (
          <Button icon={<UserAddOutlined />} onClick={() => setRegistering(true)} data-testid="party-register">
            {t('disputes.registerParty')}
          </Button>
        )}
      </Space>
      {registering && (
        <PersonForm
          open
          editing={null}
          onClose={() => setRegistering(false)}
          onSaved={(p) => {
            setRegistering(false);
            const picked = { kind: 'person' as const, key: p.id, name: p.name, detail: '' };
            setParties((ps) => [...ps.filter((r) => r.picked || r.claim), { picked, claim: '' }]);
          }}
        />
      )}
    </Space>
  );
}

interface Values {
  title: string;
  typeCode: Body['typeCode'];
  occurredOn: Dayjs;
  place: string;
  peopleInvolved: number;
  amountInvolved?: number | null;
  riskLevel: Body['riskLevel'];
  summary: string;
}

/**
 * 登记纠纷: in a grid (and a screening round, when found in one); the parties picked from the records. Turned from a
 * loop case (`source`), the form is filled from it (collect once) and the grid and point are the case's.
 */
export function DisputeDialog({
  open,
  gridCode,
  roundId,
  source,
  onClose,
  onSaved,
}: {
  open: boolean;
  gridCode?: string;
  roundId?: string;
  source?: DisputeSource;
  onClose(): void;
  onSaved(): void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const fromSource = (): PartyRow[] =>
    source?.parties.length
      ? source.parties.map((p) => ({ picked: { kind: p.kind, key: p.key, name: p.name, detail: p.key }, claim: '' }))
      : [{ picked: null, claim: '' }];
  const [parties, setParties] = useState<PartyRow[]>(fromSource);
  const { busy, run } = useBusyAction();
  const typeOptions = useTypeOptions();

  const save = (v: Values) =>
    run(async () => {
      await api.POST('/api/disputes', {
        body: {
          ...v,
          occurredOn: v.occurredOn.format('YYYY-MM-DD'),
          ...(source ? { sourceEventId: source.eventId } : { gridCode }),
          roundId: roundId ?? null,
          parties: parties.filter((p) => p.picked).map((p) => ({ kind: p.picked!.kind, key: p.picked!.key, claim: p.claim })),
        },
      });
      void message.success(t('disputes.recorded'));
      form.resetFields();
      setParties(fromSource());
      onSaved();
    });

  return (
    <Modal
      open={open}
      title={t('disputes.record')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('disputes.save')}
      okButtonProps={{ loading: busy, 'data-testid': 'dispute-save' }}
      destroyOnHidden
      width={640}
    >
      {source && (
        <Typography.Paragraph type="secondary" data-testid="dispute-from-case">
          {t('disputes.fromCase', { caseNo: source.caseNo ?? source.eventId, grid: source.gridName })} ·{' '}
          {t(`disputes.sources.${source.sourceKind}`)}
          {source.reporterName && ` · ${t('disputes.caller')} ${source.reporterName} ${source.reporterPhone ?? ''}`}
        </Typography.Paragraph>
      )}
      <Form
        form={form}
        layout="vertical"
        onFinish={save}
        initialValues={{
          riskLevel: 'low',
          peopleInvolved: 2,
          ...(source && {
            title: source.title,
            typeCode: source.typeCode ?? undefined,
            occurredOn: dayjs(source.occurredOn),
            place: source.place,
            summary: source.summary,
          }),
        }}
      >
        <Form.Item name="title" label={t('disputes.title')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={100} data-testid="dispute-title" />
        </Form.Item>
        <Form.Item name="typeCode" label={t('disputes.type')} rules={[{ required: true }]}>
          <Select showSearch optionFilterProp="label" options={typeOptions} data-testid="dispute-type" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="occurredOn" label={t('disputes.occurredOn')} rules={[{ required: true }]}>
            <DatePicker data-testid="dispute-date" />
          </Form.Item>
          <Form.Item name="riskLevel" label={t('disputes.risk')} rules={[{ required: true }]}>
            <Select style={{ width: 120 }} options={RISK_LEVELS.map((r) => ({ value: r, label: t(`disputes.risks.${r}`) }))} />
          </Form.Item>
          <Form.Item name="peopleInvolved" label={t('disputes.people')} rules={[{ required: true }]}>
            <InputNumber min={1} precision={0} />
          </Form.Item>
          <Form.Item name="amountInvolved" label={t('disputes.amount')}>
            <InputNumber min={0} />
          </Form.Item>
        </Space>
        <Form.Item name="place" label={t('disputes.place')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={120} data-testid="dispute-place" />
        </Form.Item>
        <Form.Item name="summary" label={t('disputes.summary')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea maxLength={500} rows={2} data-testid="dispute-summary" />
        </Form.Item>
        <Form.Item label={t('disputes.parties')} required>
          <PartiesEditor value={parties} onChange={setParties} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
