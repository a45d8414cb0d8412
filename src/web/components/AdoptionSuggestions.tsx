import { Heading, List, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { AdoptionSuggestion } from '../../shared/diffusion.ts';
import { useAdoptionSuggestions } from '../queries.ts';
import { errorMessage } from '../validation.ts';
import { AppLink } from './AppLink.tsx';
import { useDiffusionTranslation } from './diffusion/diffusion-i18n.ts';
import { Loading } from './Loading.tsx';

type Reason = AdoptionSuggestion['adopters'][number]['reasons'][number];

/** Innovations that organisations like this one adopted (and it has not), with the reasons. */
export function AdoptionSuggestions({ organisationId }: { organisationId: string }) {
  const { t, lang } = useDiffusionTranslation();
  const { t: tc } = useTranslation();
  const query = useAdoptionSuggestions(organisationId);
  const list = new Intl.ListFormat(lang, { type: 'conjunction' });
  const reasons = (rs: readonly Reason[]) =>
    list.format(rs.map((r) => t(`suggestions.reason.${r}`)));

  return (
    <section aria-labelledby="org-suggestions" className="stack section">
      <Heading level={2} data-size="sm" id="org-suggestions">
        {t('suggestions.heading')}
      </Heading>
      <Paragraph>{t('suggestions.lead')}</Paragraph>
      {query.isPending && <Loading />}
      {query.isError && <Paragraph>{errorMessage(tc, query.error)}</Paragraph>}
      {query.isSuccess && query.data.length === 0 && <Paragraph>{t('suggestions.none')}</Paragraph>}
      {query.isSuccess && query.data.length > 0 && (
        <List.Unordered className="suggestion-list">
          {query.data.map((s) => (
            <List.Item key={s.caseId}>
              <AppLink to={`/cases/${s.caseId}`}>{s.title}</AppLink>
              <Paragraph data-size="sm">{t('suggestions.adoptedBy')}</Paragraph>
              <ul className="plain-list suggestion-adopters">
                {s.adopters.map((a) => (
                  <li key={a.id}>
                    <AppLink to={`/organisations/${a.id}`}>{a.name}</AppLink>
                    {': '}
                    {reasons(a.reasons)}
                  </li>
                ))}
              </ul>
            </List.Item>
          ))}
        </List.Unordered>
      )}
    </section>
  );
}
