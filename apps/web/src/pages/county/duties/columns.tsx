import { Button } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Duty, DutyCategory } from '../../../api/types';
import { dutyCategoryLabel, dutyDomainLabel } from '../../../components/labels';
import type { I18n } from '../../../i18n/i18n';

/** The catalogue table's columns; the edit button only when `onEdit` is given (county_admin). */
export function dutyColumns(i18n: I18n, onEdit?: (duty: Duty) => void): ColumnsType<Duty> {
  return [
    { title: i18n.t('duty.code'), dataIndex: 'code', width: 130 },
    { title: i18n.t('duty.name'), dataIndex: 'name', ellipsis: { showTitle: true } },
    { title: i18n.t('duty.domain'), dataIndex: 'domain', width: 110, render: (value: string) => dutyDomainLabel(i18n, value) },
    {
      title: i18n.t('duty.defaultCategory'),
      dataIndex: 'defaultCategory',
      width: 120,
      render: (value: DutyCategory) => dutyCategoryLabel(i18n, value),
    },
    { title: i18n.t('duty.leadDepartment'), dataIndex: 'leadDepartment', width: 140 },
    { title: i18n.t('duty.powerCode'), dataIndex: 'powerCode', width: 130 },
    ...(onEdit
      ? [
          {
            title: i18n.t('app.actions'),
            key: 'actions',
            width: 80,
            render: (_: unknown, duty: Duty) => (
              <Button size="small" onClick={() => onEdit(duty)} data-testid="edit-duty">
                {i18n.t('duty.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];
}
