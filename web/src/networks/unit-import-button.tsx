import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Modal, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Network } from '../api/replies.ts';
import { api } from '../api.ts';
import { ImportProblemsTable } from '../imports/import-problems-table.tsx';
import { useGeoJsonImport } from '../imports/use-geojson-import.ts';

/** Imports the units (beats, road sections …) of one professional network from a GeoJSON file. */
export function UnitImportButton({ network, onImported }: { network: Network; onImported(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { run, busy, problems, clearProblems } = useGeoJsonImport();

  async function upload(file: File) {
    const reply = await run(file, (body) =>
      api.POST('/api/territory/networks/{code}/units', { params: { path: { code: network.code } }, body }),
    );
    if (!reply) return;
    void message.success(t('networks.imported', { n: reply.imported, name: network.name }));
    onImported();
  }

  return (
    <>
      <Upload
        accept=".geojson,.json,application/geo+json,application/json"
        showUploadList={false}
        beforeUpload={(file) => {
          void upload(file);
          return false;
        }}
      >
        <Button size="small" icon={<UploadOutlined />} loading={busy}>
          {t('networks.importUnits')}
        </Button>
      </Upload>
      <Modal
        open={problems !== null}
        width={760}
        title={t('import.problems', { n: problems?.length ?? 0 })}
        footer={null}
        onCancel={clearProblems}
      >
        {problems && <ImportProblemsTable details={problems} />}
      </Modal>
    </>
  );
}
