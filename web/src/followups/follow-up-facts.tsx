import { Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FollowUp } from '../api/replies.ts';
import { PersonTagList } from '../people/person-tags.tsx';
import { FollowUpState, usePlanWords } from './follow-up-state.tsx';

/** Whom the follow-up is of, from their record (masked): tags, plan, the last and the next follow-up. */
export function FollowUpFacts({ followUp: f, address }: { followUp: FollowUp; address: string }) {
  const { t } = useTranslation();
  const planWords = usePlanWords();
  return (
    <>
      <Typography.Title level={5} className="detail-section">
        {t('followUps.factsTitle')}
      </Typography.Title>
      <Descriptions column={1} size="small" bordered data-testid="follow-up-facts">
        <Descriptions.Item label={t('followUps.person')}>
          {f.name} <span className="mono secondary">{f.idNumber}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('followUps.tags')}>
          <PersonTagList tags={f} />
        </Descriptions.Item>
        <Descriptions.Item label={t('followUps.address')}>{address}</Descriptions.Item>
        <Descriptions.Item label={t('followUps.plan')}>{planWords(f.plan)}</Descriptions.Item>
        <Descriptions.Item label={t('followUps.last')}>{f.lastOn ?? t('followUps.never')}</Descriptions.Item>
        <Descriptions.Item label={t('followUps.due')}>
          <FollowUpState followUp={f} />
        </Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary" className="follow-up-audited">
        {t('followUps.audited')}
      </Typography.Paragraph>
    </>
  );
}
