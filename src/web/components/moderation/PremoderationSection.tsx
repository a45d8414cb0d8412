import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { ActionFeedback, useAction } from '../ActionFeedback.tsx';
import { setPremoderation } from './moderation-api.ts';
import { useModerationTranslation } from './moderation-i18n.ts';

/**
 * For an organisation's owners and admins: require that needs it is made responsible for wait,
 * hidden, for a moderator's approval — or stop requiring it. (The organisation's answer from the
 * API does not say which is set now, so both choices are offered.)
 */
export function PremoderationSection({ organisationId }: { organisationId: string }) {
  const { t } = useModerationTranslation();
  const action = useAction();

  function choose(required: boolean) {
    void action.run(
      () => setPremoderation(organisationId, required),
      required ? t('premoderation.required') : t('premoderation.notRequired'),
    );
  }

  return (
    <section aria-labelledby="org-premoderation-heading" className="stack section">
      <Heading level={2} data-size="sm" id="org-premoderation-heading">
        {t('premoderation.heading')}
      </Heading>
      <Paragraph className="prose">{t('premoderation.lead')}</Paragraph>
      <div className="button-row">
        <Button variant="secondary" loading={action.busy} onClick={() => choose(true)}>
          {t('premoderation.require')}
        </Button>
        <Button variant="secondary" loading={action.busy} onClick={() => choose(false)}>
          {t('premoderation.stop')}
        </Button>
      </div>
      <ActionFeedback status={action.status} failure={action.failure} />
    </section>
  );
}
