import { Drawer, Empty, Spin, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CatalogueRule } from '../api/replies.ts';
import { useApi } from '../use-api.ts';
import { changedParts, LIMIT_UNITS } from './rule-form.ts';

interface Props {
  /** The node whose versions to show; null while closed. */
  code: string | null;
  /** The stages in the order of the loop, so limits read 受理 → 派遣 → … whatever order the rule stored them in. */
  stages: readonly string[];
  onClose(): void;
}

const PART_LABEL: Record<string, string> = {
  name: 'catalogue.fieldName',
  level: 'catalogue.level',
  department: 'catalogue.department',
  limits: 'catalogue.limits',
  severity: 'catalogue.severity',
  closing: 'catalogue.closing',
  fixOnSpot: 'catalogue.fixOnSpot',
  retired: 'catalogue.fieldRetired',
};

/** 版本历史: the node now, then each earlier version with who replaced it, when, and what the next one changed. */
export function HistoryDrawer({ code, stages, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const { data, loading } = useApi('/api/catalogue/{code}/history', code ? { params: { path: { code } } } : null);

  // A limit in words: "处置 3 工作日".
  const limits = (rule: CatalogueRule) =>
    Object.entries(rule.limits)
      .sort(([a], [b]) => stages.indexOf(a) - stages.indexOf(b))
      .map(([stage, limit]) => {
        const unit = LIMIT_UNITS.find((u) => limit[u] !== undefined);
        return unit ? `${t(`eventStage.${stage}`)} ${limit[unit]} ${t(`catalogue.unit.${unit}`)}` : null;
      })
      .filter(Boolean)
      .join(t('common.listSep'));

  const summary = (v: { name: string; rule: CatalogueRule | null; retired: boolean }) => (
    <>
      <div>
        <Typography.Text strong>{v.name}</Typography.Text> {v.retired && <Tag>{t('catalogue.retired')}</Tag>}
      </div>
      {v.rule && (
        <Typography.Text type="secondary">
          {t(`level.${v.rule.level}`)} ·{' '}
          {v.rule.department ? t(`catalogue.departmentKind.${v.rule.department}`) : t('catalogue.departmentNone')} ·{' '}
          {t(`catalogue.severityName.${v.rule.severity}`)} · {limits(v.rule)}
        </Typography.Text>
      )}
    </>
  );

  const body = () => {
    if (!data) return <Spin className="panel-spin" spinning={loading} />;
    const newer = (i: number) => (i === 0 ? data.node : data.versions[i - 1]);
    return (
      <Timeline
        items={[
          {
            key: 'now',
            color: 'green',
            children: (
              <>
                <Tag color="green">{t('catalogue.current')}</Tag>
                {t('catalogue.version', { n: data.node.version })}
                {summary(data.node)}
              </>
            ),
          },
          ...data.versions.map((v, i) => {
            const parts = changedParts(v, newer(i));
            return {
              key: v.version,
              color: 'gray',
              children: (
                <div data-testid="catalogue-version" data-version={v.version}>
                  <Typography.Text>{t('catalogue.version', { n: v.version })}</Typography.Text>
                  {summary(v)}
                  <div>
                    <Typography.Text type="secondary">
                      {t('catalogue.replaced', {
                        who: v.changedBy,
                        at: new Date(v.changedAt).toLocaleString(i18n.language),
                        next: v.version + 1,
                      })}
                    </Typography.Text>
                    {parts.length > 0 && (
                      <div>
                        {t('catalogue.changedFields')}
                        {parts.map((p) => t(PART_LABEL[p])).join(t('common.listSep'))}
                      </div>
                    )}
                  </div>
                </div>
              ),
            };
          }),
        ]}
      />
    );
  };

  return (
    <Drawer open={code !== null} onClose={onClose} width={480} title={t('catalogue.history')} destroyOnHidden>
      {body()}
      {data && data.versions.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('catalogue.noHistory')} />}
    </Drawer>
  );
}
