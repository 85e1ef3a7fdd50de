import { Card } from 'antd';
import { useState } from 'react';
import { api } from '../../../api/endpoints';
import type { DutyList, DutyListItem } from '../../../api/types';
import { DutyItemsTabs, PublishedTag } from '../../../components/DutyItemsTabs';
import { ProblemAlert } from '../../../components/problems';
import { useAsync } from '../../../components/useAsync';
import { ItemActions } from './ItemActions';
import { ItemDialog } from './ItemDialog';
import { ListToolbar } from './ListToolbar';
import { PublishDialog } from './PublishDialog';
import { VersionsCard } from './VersionsCard';

/** A township's working draft for the county: three tabs, the draft's commands, the versions below. */
export function DutyListView({ townshipId, townshipName, writable }: { townshipId: string; townshipName: string; writable: boolean }) {
  const list = useAsync(() => api.dutyList(townshipId), [townshipId]);
  const publications = useAsync(() => api.dutyListPublications(townshipId), [townshipId]);
  const [editing, setEditing] = useState<DutyListItem | 'new' | undefined>(undefined);
  const [publishing, setPublishing] = useState(false);
  const changed = (next: DutyList) => list.setData(next);
  const data = list.data;
  const reloadAll = () => void Promise.all([list.reload(), publications.reload()]);

  return (
    <>
      <Card
        title={
          <>
            {townshipName} {data && <PublishedTag list={data} />}
          </>
        }
        extra={
          data && (
            <ListToolbar
              list={data}
              fileName={`${townshipName}职责清单.xlsx`}
              writable={writable}
              onChanged={changed}
              onAdd={() => setEditing('new')}
              onPublish={() => setPublishing(true)}
            />
          )
        }
        loading={list.loading && !data}
        data-testid="duty-list"
      >
        <ProblemAlert error={list.error} onReload={list.reload} />
        {data && (
          <DutyItemsTabs
            list={data}
            actions={writable ? (item) => <ItemActions list={data} item={item} onEdit={setEditing} onChanged={changed} /> : undefined}
          />
        )}
      </Card>
      <ProblemAlert error={publications.error} onReload={publications.reload} />
      <VersionsCard publications={publications.data ?? []} />
      {writable && data && (
        <>
          <ItemDialog
            list={data}
            item={editing}
            onClose={() => setEditing(undefined)}
            onSaved={changed}
            onReload={() => void list.reload()}
          />
          <PublishDialog
            open={publishing}
            list={data}
            publications={publications.data ?? []}
            onClose={() => setPublishing(false)}
            onPublished={reloadAll}
            onReload={reloadAll}
          />
        </>
      )}
    </>
  );
}
