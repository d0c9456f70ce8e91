import { DownloadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegistryTemplate } from '../api/replies.ts';
import { apiBlob } from '../api.ts';
import { saveBlob } from '../save-file.ts';
import { useShowError } from '../use-show-error.tsx';

/** Saves the Excel template of one import (headers, required marks and a sample row); `name` labels it. */
export function TemplateDownloadButton({ template, name }: { template: RegistryTemplate; name?: string }) {
  const { t } = useTranslation();
  const showError = useShowError();
  const [busy, setBusy] = useState(false);

  async function download() {
    setBusy(true);
    try {
      saveBlob(await apiBlob('/api/registry/templates/{template}', { path: { template } }), `template-${template}.xlsx`);
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Button type="link" icon={<DownloadOutlined />} loading={busy} onClick={download}>
      {t('registryImport.downloadTemplate', { name: name ?? t(`registryImport.${template}`) })}
    </Button>
  );
}
