import type { PublicDutyItem } from '../../../api/types';
import { useI18n } from '../../../i18n/i18n';
import type { CategoryGroup } from './grouping';

/** A contact with its telephone number callable from the phone (the first run of digits and dashes). */
function Contact({ text }: { text: string }) {
  const phone = /\d[\d-]{5,}\d/.exec(text);
  if (!phone) return <>{text}</>;
  const before = text.slice(0, phone.index);
  const after = text.slice(phone.index + phone[0].length);
  return (
    <>
      {before}
      <a href={`tel:${phone[0].replace(/-/g, '')}`}>{phone[0]}</a>
      {after}
    </>
  );
}

function Item({ item }: { item: PublicDutyItem }) {
  const { t } = useI18n();
  const code = item.dutyCode ?? item.powerCode;
  const department = item.category === 'returned' ? t('public.takenBy') : t('public.leadDepartment');
  return (
    <li className="pl-item" data-testid="public-item">
      <div className="pl-name">{item.name}</div>
      {item.category === 'assisting' && item.cooperation ? (
        <div className="pl-field">
          <b>{t('public.cooperation')}：</b>
          {item.cooperation}
        </div>
      ) : null}
      {item.leadDepartment ? (
        <div className="pl-field">
          <b>{department}：</b>
          {item.leadDepartment}
        </div>
      ) : null}
      {item.contact ? (
        <div className="pl-field">
          <b>{t('public.contact')}：</b>
          <Contact text={item.contact} />
        </div>
      ) : null}
      {code ? (
        <div className="pl-field">
          <b>{t('public.code')}：</b>
          {code}
        </div>
      ) : null}
    </li>
  );
}

/** One of the three categories, its items under their domains. */
export function CategorySection({ group }: { group: CategoryGroup }) {
  const { t, tr } = useI18n();
  if (group.count === 0) return null;
  return (
    <section className="pl-section" data-testid={`public-category-${group.category}`}>
      <h2>
        {tr(`public.category.${group.category}`, group.category)}（{t('public.items', { count: group.count })}）
      </h2>
      <div className="pl-hint">{tr(`public.categoryHint.${group.category}`, '')}</div>
      {group.domains.map((domain) => (
        <div key={domain.domain}>
          <div className="pl-domain">{domain.domain}</div>
          <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {domain.items.map((item, index) => (
              <Item key={`${item.dutyCode ?? item.powerCode ?? item.name}-${index}`} item={item} />
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
