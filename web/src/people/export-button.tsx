import { DownloadOutlined } from '@ant-design/icons';
import { Button, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { QueryOf } from '../api/replies.ts';
import { apiBlob, withoutBlanks } from '../api.ts';
import { saveBlob } from '../save-file.ts';
import { useBusyAction } from '../use-busy-action.ts';

type ExportPath =
  | '/api/registry/people/export'
  | '/api/registry/houses/export'
  | '/api/registry/buildings/export'
  | '/api/registry/organisations/export'
  | '/api/registry/facilities/export';

/**
 * Downloads a base-data list as Excel, as its filter now stands (blank filters left out). The server masks ID
 * numbers and phones and records the export in the audit log; `hint` says what this list masks.
 */
export function ExportButton<P extends ExportPath>({
  path,
  filter,
  fileName,
  hint,
  disabled,
  size,
}: {
  path: P;
  filter: QueryOf<P>;
  fileName: string;
  hint: string;
  disabled?: boolean;
  size?: ButtonProps['size'];
}) {
  const { t } = useTranslation();
  const { busy, run } = useBusyAction();

  return (
    <Button
      icon={<DownloadOutlined />}
      size={size}
      loading={busy}
      disabled={disabled}
      onClick={() => run(async () => saveBlob(await apiBlob<ExportPath>(path, { query: withoutBlanks(filter) }), fileName))}
      title={hint}
    >
      {t('listExport.button')}
    </Button>
  );
}
