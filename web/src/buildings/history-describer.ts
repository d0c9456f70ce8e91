import { i18n } from '../i18n/index.ts';
import { fieldLabel, isEmpty, type RecordDescriber } from '../people/change-values.ts';

/** History keeps sealed values in their masked form; they read as the field itself. */
const MASKED_AS: Record<string, string> = {
  leaderPhoneMasked: 'leaderPhone',
  ownerIdMasked: 'ownerIdNumber',
  ownerPhoneMasked: 'ownerPhone',
};

/**
 * How the history of buildings, houses, standard addresses and ten-household groups reads; labels come from the
 * screen's namespace, and the masked phone the history keeps reads as the phone.
 */
export function placeDescriber(namespace: 'buildings' | 'groups' | 'houses'): RecordDescriber {
  return {
    label: (key) => fieldLabel(namespace, MASKED_AS[key] ?? key),
    show: (key, v) => {
      if (isEmpty(v)) return '—';
      if (Array.isArray(v)) return v.join(i18n.t('common.listSep'));
      if (key === 'verifiedAt') return new Date(String(v)).toLocaleString(i18n.language);
      return String(v);
    },
    mono: new Set([
      'gridCode',
      'addressCode',
      'buildingCode',
      'ownerIdMasked',
      'ownerPhoneMasked',
      'leaderPhoneMasked',
      'leadHouseCode',
      'houseCodes',
      'lng',
      'lat',
      'leaderPersonId',
    ]),
  };
}
