import { ValidateBy, type ValidationOptions } from 'class-validator';
import { isValidDate } from '@fangquan/domain';

/** A real calendar date written `YYYY-MM-DD` (2025-02-30 is refused). */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (value: unknown): boolean => isValidDate(value),
        defaultMessage: (args) => `${args?.property ?? 'value'} must be a real date written YYYY-MM-DD`,
      },
    },
    options,
  );
}
