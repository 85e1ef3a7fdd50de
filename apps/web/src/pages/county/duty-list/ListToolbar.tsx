import { DownloadOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space } from 'antd';
import { api } from '../../../api/endpoints';
import type { DutyList } from '../../../api/types';
import { useToast } from '../../../app/toast';
import { useAction } from '../../../components/useAction';
import { useI18n } from '../../../i18n/i18n';

/** The draft's commands: compile from the catalogue's defaults, add an item, publish; and the export anyone may take. */
export function ListToolbar({
  list,
  fileName,
  writable,
  onChanged,
  onAdd,
  onPublish,
}: {
  list: DutyList;
  fileName: string;
  writable: boolean;
  onChanged(list: DutyList): void;
  onAdd(): void;
  onPublish(): void;
}) {
  const i18n = useI18n();
  const message = useToast();
  const { busy, run } = useAction();
  const compile = () =>
    run('compile', async () => {
      onChanged(await api.compileDutyList(list.townshipId, list.version));
      message.success(i18n.t('dutyList.compiled'));
    });
  return (
    <Space wrap>
      <Button
        icon={<DownloadOutlined />}
        loading={busy === 'export'}
        onClick={() => void run('export', () => api.exportDutyList(list.townshipId, fileName))}
      >
        {i18n.t('dutyList.export')}
      </Button>
      {writable && (
        <>
          <Popconfirm
            title={i18n.t('dutyList.compileConfirm')}
            onConfirm={compile}
            okButtonProps={{ ...{ 'data-testid': 'compile-confirm' } }}
          >
            <Button loading={busy === 'compile'} data-testid="compile">
              {i18n.t('dutyList.compile')}
            </Button>
          </Popconfirm>
          <Button onClick={onAdd} data-testid="add-item">
            {i18n.t('dutyList.addItem')}
          </Button>
          <Button type="primary" onClick={onPublish} data-testid="publish">
            {i18n.t('dutyList.publish')}
          </Button>
        </>
      )}
    </Space>
  );
}
