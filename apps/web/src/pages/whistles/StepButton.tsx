import { Button } from 'antd';
import { useState } from 'react';
import type { Whistle } from '../../api/types';
import { useToast } from '../../app/toast';
import { useI18n } from '../../i18n/i18n';

/** A step without fields (签发, 签收, 报到): one click, then the page reloads; a refusal is shown by the page. */
export function StepButton({
  label,
  testId,
  primary,
  send,
  onDone,
  onRefused,
}: {
  label: string;
  testId: string;
  primary?: boolean;
  send(): Promise<Whistle>;
  onDone(): Promise<void>;
  onRefused(error: unknown): void;
}) {
  const i18n = useI18n();
  const message = useToast();
  const [busy, setBusy] = useState(false);
  const click = async () => {
    setBusy(true);
    onRefused(undefined);
    try {
      await send();
      message.success(i18n.t('whistle.done'));
      await onDone();
    } catch (error) {
      onRefused(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button type={primary ? 'primary' : 'default'} loading={busy} onClick={() => void click()} data-testid={testId}>
      {label}
    </Button>
  );
}
