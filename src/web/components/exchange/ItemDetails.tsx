import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { KIND_FIELDS, type ExchangeItem } from '../../../shared/exchange.ts';
import { formatMoney, formatNumber } from '../../exchange-format.ts';
import { AppLink } from '../AppLink.tsx';
import { NotSet } from '../NotSet.tsx';
import { useExchangeI18n } from './exchange-labels.ts';
import { ItemStatusTag } from './ExchangeTags.tsx';

/** Whether `item`'s kind has `field` (hours for expertise, an amount for money…). */
function has(item: ExchangeItem, field: keyof typeof KIND_FIELDS): boolean {
  return (KIND_FIELDS[field] as readonly string[]).includes(item.kind);
}

/** Everything about an offer or request, as a list of terms, and its description. */
export function ItemDetails({ item }: { item: ExchangeItem }) {
  const { t, lang, labels } = useExchangeI18n();
  const value = (v: string | number | null) =>
    v === null || v === '' ? <NotSet /> : typeof v === 'number' ? formatNumber(v, lang) : v;
  return (
    <>
      <dl className="details-list">
        <dt>{t('fields.side')}</dt>
        <dd>{labels.side(item.side)}</dd>
        <dt>{t('fields.kind')}</dt>
        <dd>{labels.kind(item.kind)}</dd>
        <dt>{t('fields.status')}</dt>
        <dd>
          <ItemStatusTag status={item.status} />
        </dd>
        <dt>{t('fields.who')}</dt>
        <dd>
          {item.organisation ? (
            <AppLink to={`/organisations/${item.organisation.id}`}>
              {item.organisation.name}
            </AppLink>
          ) : (
            labels.who(item)
          )}
        </dd>
        {item.initiative && (
          <>
            <dt>{t('fields.initiativeId')}</dt>
            <dd>
              <AppLink to={`/initiatives/${item.initiative.id}`}>{item.initiative.title}</AppLink>
            </dd>
          </>
        )}
        <dt>{t('fields.place')}</dt>
        <dd>{labels.place(item) ?? <NotSet />}</dd>
        <dt>{t('fields.window')}</dt>
        <dd>{labels.window(item)}</dd>
        {has(item, 'hoursPerWeek') && (
          <>
            <dt>{t('fields.hoursPerWeek')}</dt>
            <dd>{value(item.hoursPerWeek)}</dd>
            <dt>{t('fields.durationWeeks')}</dt>
            <dd>{value(item.durationWeeks)}</dd>
          </>
        )}
        {has(item, 'amount') && (
          <>
            <dt>{t('fields.amount')}</dt>
            <dd>
              {item.amount !== null && item.currency !== null ? (
                formatMoney(item.amount, item.currency, lang)
              ) : (
                <NotSet />
              )}
            </dd>
          </>
        )}
        {has(item, 'capacity') && (
          <>
            <dt>{t('fields.capacity')}</dt>
            <dd>{value(item.capacity)}</dd>
            <dt>{t('fields.address')}</dt>
            <dd>{value(item.address)}</dd>
            <dt>{t('fields.accessibility')}</dt>
            <dd>{value(item.accessibility)}</dd>
          </>
        )}
        {has(item, 'format') && (
          <>
            <dt>{t('fields.format')}</dt>
            <dd>{item.format ? labels.format(item.format) : <NotSet />}</dd>
          </>
        )}
        <dt>{t('fields.sectors')}</dt>
        <dd>
          {item.sectors.length > 0
            ? item.sectors.map((s) => labels.sector(s)).join(', ')
            : t('item.anySubject')}
        </dd>
        <dt>{t('fields.visibility')}</dt>
        <dd>
          {item.space
            ? t('item.visibleToSpace', { name: item.space.name })
            : t(`form.visibilities.${item.visibility}`)}
        </dd>
        <dt>{t('fields.postedOn')}</dt>
        <dd>{labels.date(item.createdAt)}</dd>
      </dl>
      <section aria-labelledby="item-description-heading" className="stack">
        <Heading level={2} data-size="sm" id="item-description-heading">
          {t('fields.description')}
        </Heading>
        <Paragraph className="prose">{item.description || t('item.noDescription')}</Paragraph>
      </section>
    </>
  );
}
