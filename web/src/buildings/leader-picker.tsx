import { Select, Spin } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Items, Person } from '../types.ts';
import { useApi } from '../use-api.ts';
import { useTypingPause } from '../use-typing-pause.ts';
import { peopleQueryProblem, peopleSearchPath } from '../people/people-query.ts';

/** A person on record as a building keeps its leader: the phone masked. */
export interface PickedPerson {
  id: string;
  name: string;
  phone: string | null;
}

const LIMIT = 20;

/**
 * Picks a person from the people registry by part of the name, a whole ID number or a whole mobile number (the
 * people search's own rules). A form control: `value`/`onChange` carry the id, `onPerson` the person picked.
 */
export function LeaderPicker({ value, onChange, person, onPerson }: {
  value?: string | null; onChange?(id: string | null): void; person: PickedPerson | null; onPerson(p: PickedPerson | null): void;
}) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const q = useTypingPause(typed);
  const problem = q ? peopleQueryProblem(q) : null;
  const { data, loading } = useApi<Items<Person>>(q && !problem ? peopleSearchPath(q, LIMIT) : null);
  const found = useMemo(() => (q && !problem ? (data?.items ?? []) : []), [q, problem, data]);
  // The one picked stays an option, so the box keeps its name when the search changes.
  const options = useMemo(() => {
    const rows = found.map((p) => ({ value: p.id, label: p.name, person: { id: p.id, name: p.name, phone: p.phone }, detail: `${p.idNumber} ${p.phone ?? ''}` }));
    return person && !rows.some((r) => r.value === person.id) ? [{ value: person.id, label: person.name, person, detail: person.phone ?? '' }, ...rows] : rows;
  }, [found, person]);

  return (
    <Select
      showSearch
      allowClear
      className="full-width"
      value={value ?? undefined}
      placeholder={t('buildings.leaderPickPlaceholder')}
      filterOption={false}
      popupMatchSelectWidth={false}
      onSearch={setTyped}
      loading={loading}
      options={options}
      optionRender={(o) => (
        <div className="item-option">
          <span>{o.data.label}</span>
          <span className="item-option-path mono">{o.data.detail}</span>
        </div>
      )}
      notFoundContent={loading ? <Spin size="small" /> : t(problem ?? (q ? 'people.noMatch' : 'people.searchFirst'))}
      onChange={(id: string | undefined, option) => {
        onChange?.(id ?? null);
        onPerson(id && option && !Array.isArray(option) ? option.person : null);
      }}
      data-testid="leader-picker"
    />
  );
}
