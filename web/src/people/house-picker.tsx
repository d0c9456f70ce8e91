import { useTranslation } from 'react-i18next';
import { SearchPicker } from '../search-picker.tsx';

/** A house as a form holds it once picked: the code sent, the address shown. */
export interface PickedHouse {
  code: string;
  address: string;
}

/** Picks a house of one's jurisdiction by part of its address or code (collect once: never typed into the record). */
export function HousePicker({ value, onChange }: { value?: PickedHouse | null; onChange?(house: PickedHouse | null): void }) {
  const { t } = useTranslation();
  return (
    <SearchPicker<'/api/registry/houses', PickedHouse>
      value={value ?? null}
      onPick={(h) => onChange?.(h && { code: h.code, address: h.address })}
      path="/api/registry/houses"
      queryFor={(q) => ({ q, limit: 20 })}
      keyOf={houseKey}
      label={houseAddress}
      detail={houseKey}
      placeholder={t('personForm.houseSearch')}
      size="large"
      testId="house-picker"
    />
  );
}

const houseKey = (h: PickedHouse) => h.code;
const houseAddress = (h: PickedHouse) => h.address;
