import { Button, Space } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { whistleApi } from '../../api/whistles';
import type { Whistle } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { ExtensionDialog } from './ExtensionDialog';
import { ReasonDialog } from './ReasonDialog';
import { StepButton } from './StepButton';

const TIMED = ['dispatched', 'accepted', 'arrived', 'reopened'] as const;

/** The lead department's steps: 签收, 报到, 办结 (with the result), 退回 (with a reason), and asking for an extension. */
export function DepartmentActions({
  whistle,
  onDone,
  onRefused,
}: {
  whistle: Whistle;
  onDone(): Promise<void>;
  onRefused(error: unknown): void;
}) {
  const i18n = useI18n();
  const [open, setOpen] = useState<'resolve' | 'object' | 'extension' | null>(null);
  const close = () => setOpen(null);
  const navigate = useNavigate();
  // Objected to, the whistle goes back to the county office and out of the department's sight: back to the queue.
  const backToQueue = async () => navigate('/whistles');
  const timed = (TIMED as readonly string[]).includes(whistle.status);
  if (!timed) return null;
  return (
    <Space wrap>
      {(whistle.status === 'dispatched' || whistle.status === 'accepted') && (
        <StepButton
          primary
          {...(whistle.status === 'dispatched'
            ? { label: i18n.t('whistle.action.accept'), testId: 'whistle-accept', send: () => whistleApi.accept(whistle.id) }
            : { label: i18n.t('whistle.action.arrive'), testId: 'whistle-arrive', send: () => whistleApi.arrive(whistle.id) })}
          onDone={onDone}
          onRefused={onRefused}
        />
      )}
      {(whistle.status === 'arrived' || whistle.status === 'reopened') && (
        <Button type="primary" onClick={() => setOpen('resolve')} data-testid="whistle-resolve">
          {i18n.t('whistle.action.resolve')}
        </Button>
      )}
      {whistle.extensionRequest === null && (
        <Button onClick={() => setOpen('extension')} data-testid="whistle-extension">
          {i18n.t('whistle.action.extension')}
        </Button>
      )}
      <Button danger onClick={() => setOpen('object')} data-testid="whistle-object">
        {i18n.t('whistle.action.object')}
      </Button>
      <ReasonDialog
        open={open === 'resolve'}
        name="resolve"
        title={i18n.t('whistle.action.resolve')}
        field="result"
        label={i18n.t('whistle.field.result')}
        send={(result) => whistleApi.resolve(whistle.id, result)}
        onClose={close}
        onDone={onDone}
      />
      <ReasonDialog
        open={open === 'object'}
        name="object"
        title={i18n.t('whistle.action.object')}
        field="reason"
        label={i18n.t('whistle.field.reason')}
        danger
        send={(reason) => whistleApi.object(whistle.id, reason)}
        onClose={close}
        onDone={backToQueue}
      />
      <ExtensionDialog id={whistle.id} open={open === 'extension'} onClose={close} onDone={onDone} />
    </Space>
  );
}
