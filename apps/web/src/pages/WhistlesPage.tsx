import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import type { SessionUser } from '../api/types';
import { ProblemAlert } from '../components/problems';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../session/session';
import { RaiseDialog } from './whistles/RaiseDialog';
import { useWhistles, type WhistleBoard } from './whistles/useWhistles';
import { WhistleTable } from './whistles/WhistleTable';

type Board = 'township' | 'department' | 'county';

function boardOf(user: SessionUser): Board {
  return user.role === 'township' ? 'township' : user.role === 'department' ? 'department' : 'county';
}

/** The cards of each board: the township's drafts and whistles, the department's queue, the county office's dispatch board. */
function Cards({ board, data }: { board: Board; data: WhistleBoard }) {
  const i18n = useI18n();
  const { whistles, townshipNames } = data;
  const names = townshipNames ? { townshipNames } : {};
  if (board === 'department') {
    const open = whistles.filter((whistle) => whistle.status !== 'closed');
    const closed = whistles.filter((whistle) => whistle.status === 'closed');
    return (
      <>
        <Card>
          <WhistleTable whistles={open} testId="whistle-queue" {...names} />
        </Card>
        {closed.length > 0 && (
          <Card title={i18n.t('whistle.status.closed')}>
            <WhistleTable whistles={closed} testId="whistles-closed" {...names} />
          </Card>
        )}
      </>
    );
  }
  const pending =
    board === 'township'
      ? whistles.filter((whistle) => whistle.status === 'draft')
      : whistles.filter((whistle) => whistle.status === 'awaiting-dispatch');
  const extensions = board === 'county' ? whistles.filter((whistle) => whistle.extensionRequest !== null) : [];
  return (
    <>
      {(board === 'county' || pending.length > 0) && (
        <Card title={i18n.t(board === 'township' ? 'whistles.drafts' : 'whistles.awaitingDispatch')}>
          <WhistleTable whistles={pending} testId="whistles-pending" {...names} />
        </Card>
      )}
      {extensions.length > 0 && (
        <Card title={i18n.t('whistles.extensions')}>
          <WhistleTable whistles={extensions} testId="whistles-extensions" {...names} />
        </Card>
      )}
      <Card title={i18n.t('whistles.all')}>
        <WhistleTable whistles={whistles} testId="whistles-all" {...names} />
      </Card>
    </>
  );
}

/** 吹哨报到: one page, a board per role. */
export default function WhistlesPage() {
  const { user } = useSession();
  return user ? <Board user={user} /> : null;
}

function Board({ user }: { user: SessionUser }) {
  const i18n = useI18n();
  const [raising, setRaising] = useState(false);
  const state = useWhistles(user);
  const board = boardOf(user);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }} data-testid="whistles">
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {i18n.t(`whistles.title.${board}`)}
        </Typography.Title>
        {board === 'township' && user.townshipId && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setRaising(true)} data-testid="raise-whistle">
            {i18n.t('whistles.raise')}
          </Button>
        )}
      </Space>
      {board !== 'township' && <Typography.Text type="secondary">{i18n.t(`whistles.hint.${board}`)}</Typography.Text>}
      <ProblemAlert error={state.error} onReload={state.reload} />
      {state.loading && !state.data && <Card loading />}
      {state.data && <Cards board={board} data={state.data} />}
      {user.townshipId && board === 'township' && (
        <RaiseDialog townshipId={user.townshipId} open={raising} onClose={() => setRaising(false)} onDone={state.reload} />
      )}
    </Space>
  );
}
