import { useTranslation } from 'react-i18next';
import { peopleQueryProblem } from '../people/people-query.ts';
import { SearchPicker } from '../search-picker.tsx';

/** A person on record as a building keeps its leader: the phone masked (the search also shows the masked ID). */
export interface PickedPerson {
  id: string;
  name: string;
  phone: string | null;
  idNumber?: string;
}

const LIMIT = 20;

/**
 * Picks a person from the people registry by part of the name, a whole ID number or a whole mobile number (the
 * people search's own rules). A form control: `onChange` carries the id, `onPerson` the person picked.
 */
export function LeaderPicker({
  onChange,
  person,
  onPerson,
}: {
  onChange?(id: string | null): void;
  person: PickedPerson | null;
  onPerson(p: PickedPerson | null): void;
}) {
  const { t } = useTranslation();
  return (
    <SearchPicker<'/api/registry/people', PickedPerson>
      value={person}
      onPick={(p) => {
        onChange?.(p?.id ?? null);
        onPerson(p);
      }}
      path="/api/registry/people"
      queryFor={(q) => (peopleQueryProblem(q) ? null : { q, limit: LIMIT })}
      keyOf={(p) => p.id}
      label={(p) => p.name}
      detail={(p) => <span className="mono">{[p.idNumber, p.phone].filter(Boolean).join(' ')}</span>}
      placeholder={t('buildings.leaderPickPlaceholder')}
      empty={(q) => t(peopleQueryProblem(q) ?? (q ? 'people.noMatch' : 'people.searchFirst'))}
      testId="leader-picker"
    />
  );
}
