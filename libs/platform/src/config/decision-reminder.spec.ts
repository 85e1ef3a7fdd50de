import { ConfigError, loadAppConfig } from './app-config';

describe('DECISION_REMINDER_DAYS', () => {
  const delay = (value: string | undefined) => loadAppConfig({ DECISION_REMINDER_DAYS: value }).decisionReminder;

  it('is 10 days unless told', () => {
    expect(delay(undefined)).toEqual({ days: 10 });
  });

  it('takes whole days, or a duration (seconds in tests)', () => {
    expect(delay('15')).toEqual({ days: 15 });
    expect(delay('5s')).toEqual({ ms: 5000 });
  });

  it('stops the start on anything else, naming the variable', () => {
    for (const bad of ['0', '-3', 'soon', '1.5']) expect(() => delay(bad)).toThrow(ConfigError);
    expect(() => delay('soon')).toThrow(/DECISION_REMINDER_DAYS/);
  });
});
