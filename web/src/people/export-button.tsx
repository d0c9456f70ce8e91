import { DownloadOutlined } from '@ant-design/icons';
import { Button, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { apiBlob } from '../api.ts';
import { saveBlob } from '../save-file.ts';
import { useBusyAction } from '../use-busy-action.ts';

/**
 * Downloads a base-data list as Excel, as its filter now stands (blank filters left out). The server masks ID
 * numbers and phones and records the export in the audit log; `hint` says what this list masks.
 */
export function ExportButton({ path, filter, fileName, hint, disabled, size }: {
  path: string;
  filter: Record<string, string | undefined>;
  fileName: string;
  hint: string;
  disabled?: boolean;
  size?: ButtonProps['size'];
}) {
  const { t } = useTranslation();
  const { busy, run } = useBusyAction();
  const query = new URLSearchParams(Object.entries(filter).filter((e): e is [string, string] => !!e[1]));

  return (
    <Button icon={<DownloadOutlined />} size={size} loading={busy} disabled={disabled} onClick={() => run(async () => saveBlob(await apiBlob(`${path}?${query}`), fileName))} title={hint}>
      {t('listExport.button')}
    </Button>
  );
}
