import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { Initiative } from '../../../shared/initiatives.ts';
import { AppLink } from '../AppLink.tsx';
import { ActionFeedback, useAction } from '../ActionFeedback.tsx';
import { publishInitiative, useInitiativeChanged } from './initiatives-api.ts';
import { useInitiativesTranslation } from './initiatives-i18n.ts';

/** Owners publish the initiative to the case library (once); then a link to the case. */
export function PublishSection({ initiative }: { initiative: Initiative }) {
  const { t } = useInitiativesTranslation();
  const changed = useInitiativeChanged();
  const action = useAction();
  if (!initiative.case && !initiative.isOwner) return null;

  async function publish() {
    let updated: Initiative | undefined;
    await action.run(
      async () => {
        updated = await publishInitiative(initiative.id);
      },
      t('publish.done'),
      { published: t('publish.already') },
    );
    await changed(updated);
  }

  return (
    <section aria-labelledby="initiative-publish-heading" className="stack section">
      <Heading level={2} data-size="sm" id="initiative-publish-heading">
        {t('publish.heading')}
      </Heading>
      {initiative.case ? (
        <Paragraph>
          {t('publish.publishedAs')}{' '}
          <AppLink to={`/cases/${initiative.case.id}`}>{initiative.case.title}</AppLink>
        </Paragraph>
      ) : (
        <>
          <Paragraph className="prose">{t('publish.lead')}</Paragraph>
          <div>
            <Button loading={action.busy} onClick={() => void publish()}>
              {t('publish.submit')}
            </Button>
          </div>
        </>
      )}
      <ActionFeedback status={action.status} failure={action.failure} />
    </section>
  );
}
