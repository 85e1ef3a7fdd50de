import type { FormInstance } from 'antd';
import { useCallback, useState } from 'react';
import type { FieldError } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { applyFieldErrors } from './fieldErrors';
import { ProblemAlert } from './problems';

export interface FormSubmit<Values> {
  busy: boolean;
  /** The last refusal (explained by `problem`), undefined after a success or a `clear`. */
  error: unknown;
  /**
   * Validates the form (or takes `values` as antd's onFinish gave them), sends them, and on a refusal
   * puts the API's `errors[].field` messages beside the fields, keeping everything typed. True when sent.
   */
  submit(send: (values: Values) => Promise<unknown>, values?: Values): Promise<boolean>;
  clear(): void;
  /** The refusal in plain words (a 409 explained: stale version with a reload, or the gaps), and the field errors no field shows. */
  problem(props?: { onReload?: () => void; teamId?: string }): React.ReactNode;
}

/** The submit sequence every form of the app follows: validate, send, map field errors, explain, keep what was typed. */
export function useFormSubmit<Values>(form: FormInstance<Values>): FormSubmit<Values> {
  const i18n = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [leftover, setLeftover] = useState<FieldError[]>([]);

  const clear = useCallback(() => {
    setError(undefined);
    setLeftover([]);
  }, []);

  const submit = useCallback(
    async (send: (values: Values) => Promise<unknown>, given?: Values): Promise<boolean> => {
      const values = given ?? (await form.validateFields().catch(() => undefined));
      if (values === undefined) return false;
      setBusy(true);
      clear();
      try {
        await send(values);
        return true;
      } catch (caught) {
        setLeftover(applyFieldErrors(form, caught, i18n));
        setError(caught);
        return false;
      } finally {
        setBusy(false);
      }
    },
    [form, clear, i18n],
  );

  const problem = (props: { onReload?: () => void; teamId?: string } = {}) => <ProblemAlert error={error} leftover={leftover} {...props} />;
  return { busy, error, submit, clear, problem };
}
