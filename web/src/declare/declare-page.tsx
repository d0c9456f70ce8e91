import { CheckCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, InputNumber, Radio, Result, Spin, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { DECLARE, PERSON_NAME_MAX } from '../../../shared/limits.ts';
import type { DeclarationReceipt, PublicDeclarationPoint } from '../api/replies.ts';
import { ApiError, api } from '../api.ts';
import { LanguageSwitch } from '../layout/language-switch.tsx';
import { newIdempotencyKey } from '../report/idempotency-key.ts';
import { useApi } from '../use-api.ts';
import { useShowError } from '../use-show-error.tsx';
import { declarerDevice } from './declarer-device.ts';

type Question = PublicDeclarationPoint['questions'][number];
interface Values {
  name: string;
  idNumber: string;
  phone: string;
  cameFrom: string;
  values?: Record<string, string | number | null>;
}

const FIXED = ['name', 'idNumber', 'phone', 'cameFrom'] as const;

function QuestionControl({ q, value, onChange }: { q: Question; value?: unknown; onChange?(v: unknown): void }) {
  if (q.type === 'choice')
    return (
      <Radio.Group
        value={value}
        onChange={(e) => onChange?.(e.target.value)}
        optionType="button"
        buttonStyle="solid"
        data-testid={`declare-q-${q.key}`}
      >
        {(q.options ?? []).map((o) => (
          <Radio.Button key={o} value={o}>
            {o}
          </Radio.Button>
        ))}
      </Radio.Group>
    );
  if (q.type === 'number')
    return (
      <InputNumber
        size="large"
        inputMode="decimal"
        className="full-width"
        value={value as number}
        onChange={(v) => onChange?.(v)}
        data-testid={`declare-q-${q.key}`}
      />
    );
  if (q.type === 'date')
    return (
      <Input
        size="large"
        type="date"
        value={(value as string) ?? ''}
        onChange={(e) => onChange?.(e.target.value)}
        data-testid={`declare-q-${q.key}`}
      />
    );
  return (
    <Input
      size="large"
      maxLength={500}
      value={(value as string) ?? ''}
      onChange={(e) => onChange?.(e.target.value)}
      data-testid={`declare-q-${q.key}`}
    />
  );
}

/**
 * 扫码申报: the page a building's or checkpoint's QR code opens, for anyone, at 390 px: name, ID number, phone, where
 * from and the screening's own questions; one key per declaration kept across retries, so a resend is the same one.
 */
export function DeclarePage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const page = useApi('/api/public/declare/{token}', { params: { path: { token } } });
  const key = useRef(newIdempotencyKey());
  const [sending, setSending] = useState(false);
  const [done, setDone] = useState<DeclarationReceipt | null>(null);
  const problem = (reason: string) => t(`declare.problem.${reason.replace('.', '_')}`, { defaultValue: reason });

  async function send(v: Values) {
    setSending(true);
    try {
      const questions = page.data?.questions ?? [];
      const values = Object.fromEntries(questions.map((q) => [q.key, v.values?.[q.key] ?? null]));
      setDone(
        await api.POST('/api/public/declare/{token}', {
          params: { path: { token } },
          body: {
            key: key.current,
            device: declarerDevice(),
            name: v.name,
            idNumber: v.idNumber,
            phone: v.phone,
            cameFrom: v.cameFrom,
            values,
          },
        }),
      );
    } catch (err) {
      // The server names each field it refuses: shown under that field, nothing else lost.
      if (err instanceof ApiError && err.status === 400 && err.body.code === 'declare.invalid') {
        form.setFields(
          err.body.details.map((d) => {
            const field = d.field.replace(/^body\./, '');
            const name = field.startsWith('values.') ? ['values', field.slice('values.'.length)] : field;
            return { name: name as never, errors: [problem(d.reason)] };
          }),
        );
      } else showError(err);
    } finally {
      setSending(false);
    }
  }

  const required = [{ required: true, whitespace: true, message: t('declare.required') }];
  let body: React.ReactNode;
  if (page.loading && !page.data) body = <Spin />;
  else if (!page.data)
    body = (
      <div data-testid="declare-unknown">
        <Result status="warning" title={t('declare.unknown')} />
      </div>
    );
  else if (done)
    body = (
      <div data-testid="declare-done">
        <Result
          icon={<CheckCircleOutlined />}
          status="success"
          title={t('declare.done')}
          subTitle={t('declare.doneHint')}
          extra={
            <div className="declare-receipt">
              <div>{t('declare.at', { name: done.pointName })}</div>
              <div>
                {done.name} · {done.idNumber} · {done.phone}
              </div>
              <div className="secondary mono">
                {t('declare.receiptNo')} {done.id.slice(0, 8).toUpperCase()}
              </div>
            </div>
          }
        />
      </div>
    );
  else
    body = (
      <>
        <Typography.Title level={4} className="declare-title" data-testid="declare-task">
          {page.data.taskTitle}
        </Typography.Title>
        <div className="secondary">{t('declare.at', { name: page.data.pointName })}</div>
        {page.data.description && <Typography.Paragraph>{page.data.description}</Typography.Paragraph>}
        {page.data.open ? (
          <Form form={form} layout="vertical" onFinish={(v) => void send(v)} requiredMark data-testid="declare-form">
            <Alert type="info" showIcon message={t('declare.intro')} className="declare-intro" />
            {FIXED.map((f) => (
              <Form.Item key={f} name={f} label={t(`declare.${f}`)} rules={required}>
                <Input
                  size="large"
                  maxLength={f === 'name' ? PERSON_NAME_MAX : f === 'cameFrom' ? DECLARE.cameFromMax : f === 'phone' ? 11 : 18}
                  inputMode={f === 'phone' ? 'tel' : f === 'idNumber' ? 'text' : undefined}
                  autoComplete={f === 'name' ? 'name' : f === 'phone' ? 'tel' : 'off'}
                  placeholder={f === 'cameFrom' ? t('declare.cameFromHint') : undefined}
                  data-testid={`declare-${f}`}
                />
              </Form.Item>
            ))}
            {page.data.questions.map((q) => (
              <Form.Item
                key={q.key}
                name={['values', q.key]}
                label={q.label}
                rules={q.required ? [{ required: true, message: t('declare.required') }] : []}
              >
                <QuestionControl q={q} />
              </Form.Item>
            ))}
            <Button type="primary" htmlType="submit" size="large" block loading={sending} data-testid="declare-submit">
              {t('declare.submit')}
            </Button>
          </Form>
        ) : (
          <Alert type="warning" message={t('declare.closed')} data-testid="declare-closed" />
        )}
      </>
    );

  return (
    <div className="mobile-layout public-layout">
      <header className="mobile-header">
        <span className="brand-mark mobile-brand">格治</span>
        <span className="mobile-title">{t('declare.brand')}</span>
        <LanguageSwitch />
      </header>
      <main className="mobile-content">{body}</main>
    </div>
  );
}
