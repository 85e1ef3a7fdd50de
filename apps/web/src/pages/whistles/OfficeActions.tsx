import { Button, Space } from 'antd';
import { useState } from 'react';
import { whistleApi } from '../../api/whistles';
import type { SessionUser, Whistle } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { DecisionDialog } from './DecisionDialog';
import { DispatchDialog } from './DispatchDialog';
import { EvaluateDialog } from './EvaluateDialog';
import { ReasonDialog } from './ReasonDialog';
import { StepButton } from './StepButton';

/** The township's steps (its head's sign-off, the evaluation, one reopening) and the county office's (dispatch, extension decisions). */
export function OfficeActions({
  user,
  whistle,
  onDone,
  onRefused,
}: {
  user: SessionUser;
  whistle: Whistle;
  onDone(): Promise<void>;
  onRefused(error: unknown): void;
}) {
  const i18n = useI18n();
  const [open, setOpen] = useState<'dispatch' | 'decide' | 'evaluate' | 'reopen' | null>(null);
  const close = () => setOpen(null);
  const township = user.role === 'township' && user.townshipId === whistle.townshipId;
  const office = user.role === 'county_admin';
  const reopenable = whistle.status === 'closed' && whistle.evaluation?.satisfied === false && whistle.reopening === null;
  return (
    <Space wrap>
      {township && user.head && whistle.status === 'draft' && (
        <StepButton
          primary
          label={i18n.t('whistle.action.signOff')}
          testId="whistle-sign-off"
          send={() => whistleApi.signOff(whistle.id)}
          onDone={onDone}
          onRefused={onRefused}
        />
      )}
      {township && whistle.status === 'resolved' && (
        <Button type="primary" onClick={() => setOpen('evaluate')} data-testid="whistle-evaluate">
          {i18n.t('whistle.action.evaluate')}
        </Button>
      )}
      {township && reopenable && (
        <Button danger onClick={() => setOpen('reopen')} data-testid="whistle-reopen">
          {i18n.t('whistle.action.reopen')}
        </Button>
      )}
      {office && whistle.status === 'awaiting-dispatch' && (
        <Button type="primary" onClick={() => setOpen('dispatch')} data-testid="whistle-dispatch">
          {i18n.t('whistle.action.dispatch')}
        </Button>
      )}
      {office && whistle.extensionRequest !== null && (
        <Button type="primary" onClick={() => setOpen('decide')} data-testid="whistle-decide">
          {i18n.t('whistle.action.decide')}
        </Button>
      )}
      {township && <EvaluateDialog id={whistle.id} open={open === 'evaluate'} onClose={close} onDone={onDone} />}
      {township && (
        <ReasonDialog
          open={open === 'reopen'}
          name="reopen"
          title={i18n.t('whistle.action.reopen')}
          field="reason"
          label={i18n.t('whistle.field.reason')}
          danger
          send={(reason) => whistleApi.reopen(whistle.id, reason)}
          onClose={close}
          onDone={onDone}
        />
      )}
      {office && <DispatchDialog id={whistle.id} open={open === 'dispatch'} onClose={close} onDone={onDone} />}
      {office && <DecisionDialog whistle={whistle} open={open === 'decide'} onClose={close} onDone={onDone} />}
    </Space>
  );
}
