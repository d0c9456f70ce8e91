import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgFacilityCodes } from '../api/replies.ts';
import { api } from '../api.ts';
import { useShowError } from '../use-show-error.tsx';

/** The tables change only when a city edits them: fetched once per page load and shared by every screen. */
let loading: Promise<OrgFacilityCodes> | null = null;

/** The code tables the screens name codes from (GET /api/registry/org-facility-codes). */
export type CodeTableId =
  | 'org_type'
  | 'org_hazard'
  | 'facility_major'
  | 'facility_class'
  | 'facility_state'
  | 'house_use'
  | 'rental_use'
  | 'rental_category'
  | 'rental_level'
  | 'house_hazard';

export interface Codes {
  ready: boolean;
  /** The name of a code in the UI language; the code itself when the table lacks it, '' for none. */
  name(table: CodeTableId, code: string | null | undefined): string;
  options(table: CodeTableId): { value: string; label: string }[];
  departments: { value: string; label: string }[];
  departmentName(code: string | null | undefined): string;
}

/** Code tables of organisations and components, and the departments, from the server (the one source). */
export function useCodes(): Codes {
  const { i18n } = useTranslation();
  const showError = useShowError();
  const [data, setData] = useState<OrgFacilityCodes | null>(null);

  useEffect(() => {
    let live = true;
    loading ??= api.GET('/api/registry/org-facility-codes');
    loading
      .then((reply) => live && setData(reply))
      .catch((err: unknown) => {
        loading = null;
        if (live) showError(err);
      });
    return () => {
      live = false;
    };
  }, [showError]);

  const en = i18n.language === 'en';
  const entries = (table: CodeTableId) => data?.tables.find((t) => t.id === table)?.entries ?? [];
  const label = (e: { zh: string; en?: string }) => (en ? (e.en ?? e.zh) : e.zh);
  return {
    ready: data !== null,
    name: (table, code) => {
      if (!code) return '';
      const hit = entries(table).find((e) => e.code === code);
      return hit ? label(hit) : code;
    },
    options: (table) => entries(table).map((e) => ({ value: e.code, label: `${e.code} ${label(e)}` })),
    departments: (data?.departments ?? []).map((d) => ({ value: d.code, label: d.name })),
    departmentName: (code) => (code ? (data?.departments.find((d) => d.code === code)?.name ?? code) : ''),
  };
}
