import { useEffect, useRef, useState } from 'react';
import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { ADOPTION_MECHANISMS, ROGERS_ATTRIBUTES, type Adoption } from '../../shared/diffusion.ts';
import { useLabels } from '../case-labels.ts';
import { formatDate } from '../format.ts';
import { errorMessage } from '../validation.ts';
import { AppLink } from './AppLink.tsx';
import { deleteAdoption } from './diffusion/diffusion-api.ts';
import { useDiffusionTranslation } from './diffusion/diffusion-i18n.ts';
import { NotSet } from './NotSet.tsx';

interface Props {
  adoptions: readonly Adoption[];
  /** Called after a record was removed (the parent refreshes and says so). */
  onDeleted: (adoption: Adoption) => void;
  /** The heading level of each adoption (under the section's heading). */
  level?: 3 | 4;
}

/** Adoption records: who adopted when, from whom, how, what they changed and their ratings. */
export function AdoptionList({ adoptions, onDeleted, level = 3 }: Props) {
  const { t } = useDiffusionTranslation();
  if (adoptions.length === 0) return <Paragraph>{t('list.none')}</Paragraph>;
  return (
    <ul className="plain-list adoption-list">
      {adoptions.map((a) => (
        <li key={a.id}>
          <AdoptionItem adoption={a} onDeleted={onDeleted} level={level} />
        </li>
      ))}
    </ul>
  );
}

function AdoptionItem({
  adoption: a,
  onDeleted,
  level,
}: {
  adoption: Adoption;
  onDeleted: (adoption: Adoption) => void;
  level: 3 | 4;
}) {
  const { t, lang } = useDiffusionTranslation();
  const { t: tc } = useTranslation();
  const labels = useLabels();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ratings = ROGERS_ATTRIBUTES.values.filter((r) => a[r] !== null);
  const headingId = `adoption-${a.id}`;
  const confirmRef = useRef<HTMLButtonElement>(null);
  const removeRef = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);

  // Keep focus on the buttons as they swap: on "remove" when asked, back when cancelled.
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else if (asked.current) removeRef.current?.focus();
    asked.current = confirming;
  }, [confirming]);

  async function remove() {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await deleteAdoption(a.id);
      onDeleted(a);
    } catch (e) {
      setError(errorMessage(tc, e));
      setBusy(false);
    }
  }

  return (
    <article aria-labelledby={headingId} className="stack adoption-item">
      <Heading level={level} data-size="2xs" id={headingId}>
        <AppLink to={`/organisations/${a.organisation.id}`}>{a.organisation.name}</AppLink>{' '}
        <span className="cell-note">({labels.country(a.organisation.country)})</span>
      </Heading>
      <dl className="details-list">
        {a.caseId === null && a.tag !== null && (
          <>
            <dt>{t('list.tag')}</dt>
            <dd>{a.tag}</dd>
          </>
        )}
        <dt>{t('list.adoptedOn')}</dt>
        <dd>{formatDate(a.adoptedOn, lang)}</dd>
        <dt>{t('list.mechanism')}</dt>
        <dd>{labels.label(ADOPTION_MECHANISMS, a.mechanism)}</dd>
        <dt>{t('list.learnedFrom')}</dt>
        <dd>
          {a.sourceOrganisation || a.sourceCase ? (
            <ul className="plain-list">
              {a.sourceOrganisation && (
                <li>
                  <AppLink to={`/organisations/${a.sourceOrganisation.id}`}>
                    {a.sourceOrganisation.name}
                  </AppLink>{' '}
                  ({labels.country(a.sourceOrganisation.country)})
                </li>
              )}
              {a.sourceCase && (
                <li>
                  {t('list.theCase')}{' '}
                  <AppLink to={`/cases/${a.sourceCase.id}`}>{a.sourceCase.title}</AppLink>
                </li>
              )}
            </ul>
          ) : (
            <NotSet />
          )}
        </dd>
        <dt>{t('list.adaptations')}</dt>
        <dd className="prose">{a.adaptations || <NotSet />}</dd>
        <dt>{t('list.ratings')}</dt>
        <dd>
          {ratings.length > 0 ? (
            <ul className="plain-list">
              {ratings.map((r) => (
                <li key={r}>
                  {t('list.rating', {
                    attribute: labels.label(ROGERS_ATTRIBUTES, r),
                    value: a[r],
                  })}
                </li>
              ))}
            </ul>
          ) : (
            <NotSet />
          )}
        </dd>
      </dl>
      {a.canDelete && (
        <div className="button-row">
          {confirming ? (
            <>
              <Paragraph data-size="sm">{t('list.confirmRemove')}</Paragraph>
              <Button
                ref={confirmRef}
                data-size="sm"
                data-color="danger"
                loading={busy}
                onClick={() => void remove()}
              >
                {t('list.remove')}
              </Button>
              <Button variant="secondary" data-size="sm" onClick={() => setConfirming(false)}>
                {tc('common.cancel')}
              </Button>
            </>
          ) : (
            <Button
              ref={removeRef}
              variant="secondary"
              data-size="sm"
              data-color="danger"
              onClick={() => setConfirming(true)}
              aria-label={t('list.removeOf', { organisation: a.organisation.name })}
            >
              {t('list.remove')}
            </Button>
          )}
        </div>
      )}
      {error && (
        <Paragraph role="alert" className="error-text">
          {error}
        </Paragraph>
      )}
    </article>
  );
}
