import { i18n } from '../i18n/index.ts';
import { isEmpty, type RecordDescriber } from '../people/change-values.ts';

/**
 * How the history of buildings, standard addresses and ten-household groups reads; labels come from the
 * screen's namespace, and the masked phone the history keeps reads as the phone.
 */
export function placeDescriber(namespace: 'buildings' | 'groups'): RecordDescriber {
  return {
    label: (key) => i18n.t(`${namespace}.${key === 'leaderPhoneMasked' ? 'leaderPhone' : key}`, { defaultValue: key }),
    show: (key, v) => {
      if (isEmpty(v)) return '—';
      if (Array.isArray(v)) return v.join(i18n.t('common.listSep'));
      if (key === 'verifiedAt') return new Date(String(v)).toLocaleString(i18n.language);
      return String(v);
    },
    mono: new Set(['gridCode', 'addressCode', 'leaderPhoneMasked', 'leadHouseCode', 'houseCodes', 'lng', 'lat', 'leaderPersonId']),
  };
}
