import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { AreaTreeSelect } from '../territory/area-tree-select.tsx';
import { useShowError } from '../use-show-error.tsx';

function saveJson(data: unknown, fileName: string) {
  const url = URL.createObjectURL(new Blob([JSON.stringify(data)], { type: 'application/geo+json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}

export function GridExportCard() {
  const { t } = useTranslation();
  const showError = useShowError();
  const [area, setArea] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  async function download() {
    if (!area) return;
    setBusy(true);
    try {
      saveJson(await api.GET('/api/territory/grids/export', { params: { query: { area } } }), `grids-${area}.geojson`);
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title={t('gridIo.exportTitle')}>
      <Typography.Paragraph type="secondary">{t('gridIo.exportHint')}</Typography.Paragraph>
      <Space.Compact className="full-width">
        <AreaTreeSelect pick="area" value={area} onChange={setArea} placeholder={t('gridIo.pickArea')} className="full-width" />
        <Button type="primary" icon={<DownloadOutlined />} disabled={!area} loading={busy} onClick={download}>
          {t('gridIo.download')}
        </Button>
      </Space.Compact>
    </Card>
  );
}
