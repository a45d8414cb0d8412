import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { CaseDetail } from '../../../shared/cases.ts';
import type { Adoption } from '../../../shared/diffusion.ts';
import { diffusionPagePath } from '../../diffusion-view.ts';
import { diffusionKey, useAdoptions, useMyOrganisations } from '../../queries.ts';
import { useSession } from '../../session.ts';
import { AdoptionForm } from '../AdoptionForm.tsx';
import { AdoptionList } from '../AdoptionList.tsx';
import { AppLink } from '../AppLink.tsx';
import { LoadError } from '../LoadError.tsx';
import { Loading } from '../Loading.tsx';
import { StatusMessage } from '../StatusMessage.tsx';
import { useDiffusionTranslation } from './diffusion-i18n.ts';

/** The case page's adoptions: who adopted it, "We adopted this", and how it spread. */
export function CaseAdoptions({ detail }: { detail: CaseDetail }) {
  const { t } = useDiffusionTranslation();
  const { user } = useSession();
  const queryClient = useQueryClient();
  const adoptions = useAdoptions({ case: detail.id });
  const mine = useMyOrganisations(user !== null);
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  const cancelled = useRef(false);
  const organisations = mine.data ?? [];
  const count = adoptions.data?.length ?? 0;
  const caseYear =
    detail.yearLaunched ?? (detail.startDate ? Number(detail.startDate.slice(0, 4)) : null);

  // After "cancel", focus goes back to the button that opened the form.
  useEffect(() => {
    if (!open && cancelled.current) {
      cancelled.current = false;
      openRef.current?.focus();
    }
  }, [open]);

  async function refresh(message: string) {
    setStatus(message);
    await queryClient.invalidateQueries({ queryKey: diffusionKey });
    headingRef.current?.focus();
  }

  function saved(adoption: Adoption) {
    setOpen(false);
    void refresh(t('caseSection.recorded', { organisation: adoption.organisation.name }));
  }

  function deleted(adoption: Adoption) {
    void refresh(t('caseSection.removed', { organisation: adoption.organisation.name }));
  }

  return (
    <section aria-labelledby="case-adoptions" className="stack section">
      <Heading level={2} data-size="sm" id="case-adoptions" ref={headingRef} tabIndex={-1}>
        {t('caseSection.heading')}
      </Heading>
      <Paragraph>{t('caseSection.lead')}</Paragraph>
      <ul className="action-links">
        <li>
          <AppLink to={diffusionPagePath({ kind: 'case', id: detail.id })}>
            {t('caseSection.seeSpread')}
          </AppLink>
          {adoptions.isSuccess && (
            <span className="inline-note"> {t('caseSection.count', { count })}</span>
          )}
        </li>
      </ul>
      <StatusMessage message={status} />
      {adoptions.isPending && <Loading />}
      {adoptions.isError && (
        <LoadError error={adoptions.error} onRetry={() => void adoptions.refetch()} />
      )}
      {adoptions.data && <AdoptionList adoptions={adoptions.data} onDeleted={deleted} />}

      {user === null && (
        <Paragraph>
          <AppLink to={`/sign-in?next=${encodeURIComponent(`/cases/${detail.id}`)}`}>
            {t('caseSection.signIn')}
          </AppLink>
        </Paragraph>
      )}
      {user !== null && mine.isSuccess && organisations.length === 0 && (
        <Paragraph>
          {t('caseSection.noOrganisation')}{' '}
          <AppLink to="/organisations">{t('caseSection.findOrganisation')}</AppLink>
        </Paragraph>
      )}
      {organisations.length > 0 &&
        (open ? (
          <section aria-labelledby="adoption-form-heading" className="stack">
            <Heading level={3} data-size="xs" id="adoption-form-heading">
              {t('form.heading')}
            </Heading>
            <AdoptionForm
              caseId={detail.id}
              caseYear={caseYear}
              organisations={organisations}
              onSaved={saved}
              onCancel={() => {
                cancelled.current = true;
                setOpen(false);
              }}
            />
          </section>
        ) : (
          <div>
            <Button
              ref={openRef}
              onClick={() => {
                setStatus(null);
                setOpen(true);
              }}
            >
              {t('caseSection.weAdopted')}
            </Button>
          </div>
        ))}
    </section>
  );
}
