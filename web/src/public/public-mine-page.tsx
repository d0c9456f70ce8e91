import { LogoutOutlined } from '@ant-design/icons';
import { Button, Empty, Form, Input, List, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PAGE } from '../../../shared/limits.ts';
import type { CitizenReport } from '../api/replies.ts';
import { ApiError, api } from '../api.ts';
import { useShowError } from '../use-show-error.tsx';
import { useElder } from './elder-mode.ts';

interface Values {
  phone: string;
  code?: string;
}

const FIELD_OF: Record<string, keyof Values> = { phone: 'phone', 'body.phone': 'phone', code: 'code', 'body.code': 'code' };

/**
 * 我的反映: the phone the reports were made with, a code sent to it by SMS, then those reports — each with its status
 * and its tracking page (progress and rating). No account: a half-hour session bound to the phone.
 */
export function PublicMinePage() {
  const { t, i18n } = useTranslation();
  const elder = useElder();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const [phone, setPhone] = useState<string | null>(null);
  const [reports, setReports] = useState<CitizenReport[]>([]);
  const [total, setTotal] = useState(0);
  const [sentTo, setSentTo] = useState<{ phone: string; until: string } | null>(null);
  const [resendAt, setResendAt] = useState<number>(0);
  const [now, setNow] = useState(Date.now());
  const [busy, setBusy] = useState<'code' | 'verify' | 'more' | null>(null);
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language);
  const wait = Math.max(0, Math.ceil((resendAt - now) / 1000));

  useEffect(() => {
    if (wait === 0) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [wait]);

  /** A refusal naming a field is shown on that field; anything else in the one usual way. */
  const refuse = useCallback(
    (err: unknown) => {
      const field = err instanceof ApiError ? err.body.details.map((d) => d.field && FIELD_OF[d.field]).find(Boolean) : undefined;
      if (field && err instanceof ApiError) form.setFields([{ name: field, errors: [err.body.message] }]);
      else showError(err);
    },
    [form, showError],
  );

  const load = useCallback(async (offset: number) => {
    const page = await api.GET('/api/public/my/reports', { params: { query: { offset, limit: PAGE.citizenReports.default } } });
    setPhone(page.phone);
    setTotal(page.total);
    setReports((before) => (offset === 0 ? page.items : [...before, ...page.items]));
  }, []);

  // A session still open on this device (the cookie) shows the list at once.
  useEffect(() => {
    load(0).catch(() => setPhone(null));
  }, [load]);

  async function sendCode() {
    const { phone: typed } = await form.validateFields(['phone']);
    setBusy('code');
    try {
      const sent = await api.POST('/api/public/my/code', { body: { phone: typed } });
      setSentTo({ phone: sent.phone, until: new Date(sent.expiresAt).toLocaleTimeString(i18n.language) });
      setResendAt(new Date(sent.resendAt).getTime());
      setNow(Date.now());
    } catch (err) {
      refuse(err);
    } finally {
      setBusy(null);
    }
  }

  async function verify(values: Values) {
    setBusy('verify');
    try {
      await api.POST('/api/public/my/session', { body: { phone: values.phone, code: values.code ?? '' } });
      await load(0);
      form.resetFields();
      setSentTo(null);
    } catch (err) {
      refuse(err);
    } finally {
      setBusy(null);
    }
  }

  async function leave() {
    await api.DELETE('/api/public/my/session').catch(() => {}); // the cookie lapses by itself in any case
    setPhone(null);
    setReports([]);
  }

  if (phone) {
    return (
      <div className="public-mine" data-testid="public-mine">
        <div className="public-mine-head">
          <Typography.Text>{t('publicReport.mine.of', { phone })}</Typography.Text>
          <Button icon={<LogoutOutlined />} onClick={() => void leave()}>
            {t('publicReport.mine.leave')}
          </Button>
        </div>
        {reports.length === 0 ? (
          <Empty description={t('publicReport.mine.none')} />
        ) : (
          <List
            dataSource={reports}
            rowKey="trackingCode"
            renderItem={(r) => (
              <List.Item className="public-mine-item" data-testid="public-mine-item">
                <div className="public-mine-line">
                  <Typography.Text strong>{r.itemName}</Typography.Text>
                  <Tag color={r.canRate ? 'orange' : 'blue'}>{t(`eventStatus.${r.status}`, { defaultValue: r.status })}</Tag>
                </div>
                <div className="secondary">
                  {t('publicReport.caseNo')} <span className="mono">{r.caseNo}</span> · {when(r.reportedAt)}
                </div>
                <Link to={`/public/track?code=${encodeURIComponent(r.trackingCode)}`}>
                  <Button type={r.canRate ? 'primary' : 'default'} block={elder} size={elder ? 'large' : 'middle'}>
                    {r.canRate ? t('publicReport.mine.rate') : t('publicReport.track')}
                  </Button>
                </Link>
              </List.Item>
            )}
          />
        )}
        {reports.length < total && (
          <Button
            block
            loading={busy === 'more'}
            onClick={() => {
              setBusy('more');
              load(reports.length)
                .catch(showError)
                .finally(() => setBusy(null));
            }}
          >
            {t('publicReport.mine.more')}
          </Button>
        )}
      </div>
    );
  }

  return (
    <Form<Values> form={form} layout="vertical" requiredMark={false} onFinish={verify} className="public-mine-form">
      <Typography.Paragraph type="secondary">{t('publicReport.mine.hint')}</Typography.Paragraph>
      <Form.Item
        name="phone"
        label={t('publicReport.mine.phone')}
        rules={[
          { required: true, message: t('publicReport.mine.needPhone') },
          { pattern: /^1[3-9]\d{9}$/, message: t('publicReport.phoneInvalid') },
        ]}
      >
        <Input size="large" inputMode="tel" maxLength={11} autoComplete="tel" data-testid="mine-phone" />
      </Form.Item>
      <Button size="large" block disabled={wait > 0} loading={busy === 'code'} onClick={() => void sendCode()} data-testid="mine-send">
        {wait > 0 ? t('publicReport.mine.resendIn', { s: wait }) : t('publicReport.mine.send')}
      </Button>
      {sentTo && (
        <>
          <Typography.Paragraph className="public-mine-sent" data-testid="mine-sent">
            {t('publicReport.mine.sent', sentTo)}
          </Typography.Paragraph>
          <Form.Item
            name="code"
            label={t('publicReport.mine.code')}
            rules={[{ required: true, pattern: /^\d{6}$/, message: t('publicReport.mine.needCode') }]}
          >
            <Input size="large" inputMode="numeric" maxLength={6} autoComplete="one-time-code" data-testid="mine-code" />
          </Form.Item>
          <Space direction="vertical" className="full-width">
            <Button type="primary" htmlType="submit" size="large" block loading={busy === 'verify'} data-testid="mine-verify">
              {t('publicReport.mine.verify')}
            </Button>
          </Space>
        </>
      )}
    </Form>
  );
}
