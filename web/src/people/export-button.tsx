import { DownloadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiBlob } from '../api.ts';
import { saveBlob } from '../save-file.ts';
import { useShowError } from '../use-show-error.tsx';

/** Downloads the current search as Excel, masked; the server records the export in the audit log. */
export function ExportButton({ q }: { q: string }) {
  const { t } = useTranslation();
  const showError = useShowError();
  const [busy, setBusy] = useState(false);

  async function download() {
    setBusy(true);
    try {
      saveBlob(await apiBlob(`/api/registry/people/export?${new URLSearchParams({ q })}`), 'people.xlsx');
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={download} title={t('people.exportHint')}>
      {t('people.export')}
    </Button>
  );
}
