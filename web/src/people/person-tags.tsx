import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PersonTags } from '../api/replies.ts';
import { codeName } from './person-codes.ts';

/** Special-group and key-person tags in red, each saying which list it comes from. */
export function PersonTagList({ tags }: { tags: PersonTags }) {
  const { t } = useTranslation();
  const all = [
    ...tags.specialGroups.map((code) => ({ key: `sg-${code}`, kind: t('people.specialGroups'), name: codeName('specialGroup', code) })),
    ...tags.keyPersonTags.map((code) => ({ key: `kp-${code}`, kind: t('people.keyPersonTags'), name: codeName('keyPerson', code) })),
  ];
  return (
    <span className="person-tags">
      {all.map((tag) => (
        <Tooltip key={tag.key} title={tag.kind}>
          <Tag color="red">{tag.name}</Tag>
        </Tooltip>
      ))}
    </span>
  );
}
