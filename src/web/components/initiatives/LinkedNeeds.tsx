import { useState, type FormEvent } from 'react';
import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import type { Initiative } from '../../../shared/initiatives.ts';
import { NeedStatus } from '../../../shared/needs.ts';
import { needIdFrom } from '../../needs-search.ts';
import { AppLink } from '../AppLink.tsx';
import { NeedStatusTag } from '../needs/NeedHit.tsx';
import { ActionFeedback, useAction } from '../ActionFeedback.tsx';
import { linkNeed, useInitiativeChanged } from './initiatives-api.ts';
import { useInitiativesTranslation } from './initiatives-i18n.ts';

/** The needs the initiative addresses; owners link one by its address or id. */
export function LinkedNeeds({ initiative }: { initiative: Initiative }) {
  const { t } = useInitiativesTranslation();
  const changed = useInitiativeChanged();
  const form = useAction();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const needId = needIdFrom(text);
    if (!needId) {
      setError(t('needs.notANeed'));
      document.getElementById('initiative-need')?.focus();
      return;
    }
    setError(undefined);
    const ok = await form.run(() => linkNeed(initiative.id, needId), t('needs.linked'), {
      not_found: t('needs.notFound'),
    });
    if (ok) setText('');
    await changed();
  }

  return (
    <section aria-labelledby="initiative-needs-heading" className="stack section">
      <Heading level={2} data-size="sm" id="initiative-needs-heading">
        {t('needs.heading')}
      </Heading>
      {initiative.needs.length === 0 && <Paragraph>{t('needs.none')}</Paragraph>}
      {initiative.needs.length > 0 && (
        <ul className="plain-list stack" aria-labelledby="initiative-needs-heading">
          {initiative.needs.map((n) => (
            <li key={n.id} className="button-row">
              <AppLink to={`/needs/${n.id}`}>{n.title}</AppLink>
              <LinkedNeedStatus status={n.status} />
            </li>
          ))}
        </ul>
      )}
      {initiative.isOwner && (
        <form noValidate onSubmit={(e) => void submit(e)} className="stack narrow">
          <Textfield
            id="initiative-need"
            label={t('needs.label')}
            description={t('needs.hint')}
            autoComplete="off"
            value={text}
            error={error}
            onChange={(e) => setText(e.target.value)}
          />
          <ActionFeedback status={form.status} failure={form.failure} />
          <div>
            <Button type="submit" loading={form.busy}>
              {t('needs.submit')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}

function LinkedNeedStatus({ status }: { status: string }) {
  const parsed = NeedStatus.safeParse(status);
  return parsed.success ? <NeedStatusTag status={parsed.data} /> : null;
}
