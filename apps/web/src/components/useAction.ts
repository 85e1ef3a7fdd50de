import { useState } from 'react';
import { useToast } from '../app/toast';
import { useI18n } from '../i18n/i18n';
import { explain } from './explain';

/** A button's one-off request (a download, a compile): which one is busy, and a refusal told in a toast in plain words. */
export function useAction() {
  const i18n = useI18n();
  const message = useToast();
  const [busy, setBusy] = useState<string | undefined>(undefined);
  const run = async (which: string, action: () => Promise<unknown>): Promise<void> => {
    setBusy(which);
    try {
      await action();
    } catch (error) {
      message.error(explain(i18n, error));
    } finally {
      setBusy(undefined);
    }
  };
  return { busy, run };
}
