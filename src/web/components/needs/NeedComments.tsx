import { useState, type FormEvent } from 'react';
import { Button, Heading, Paragraph, Tag, Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { NeedCommentCreate, type Need } from '../../../shared/needs.ts';
import { formatDateTime } from '../../format.ts';
import { useSession } from '../../session.ts';
import { errorMessage, issueMessage } from '../../validation.ts';
import { AppLink } from '../AppLink.tsx';
import { ReportControl } from '../moderation/ReportControl.tsx';
import { StatusMessage } from '../StatusMessage.tsx';
import { addComment, useNeedChanged } from './needs-api.ts';
import { useNeedsTranslation } from './needs-i18n.ts';

/** The comments on a need, oldest first, and (signed in) one more. */
export function NeedComments({ need }: { need: Need }) {
  const { t, lang } = useNeedsTranslation();
  const { user, isLoading } = useSession();
  const { comments } = need;

  return (
    <section aria-labelledby="need-comments-heading" className="stack section">
      <Heading level={2} data-size="sm" id="need-comments-heading">
        {t('comments.heading')}
      </Heading>
      {comments.length === 0 && <Paragraph>{t('comments.none')}</Paragraph>}
      {comments.length > 0 && (
        <ol className="plain-list stack" aria-labelledby="need-comments-heading">
          {comments.map((c) => (
            <li key={c.id}>
              <Paragraph data-size="sm">
                {t('comments.byAt', {
                  name: c.author?.name ?? t('comments.formerAccount'),
                  date: formatDateTime(c.createdAt, lang),
                })}
              </Paragraph>
              {c.hidden && (
                <Paragraph data-size="sm">
                  <Tag data-color="warning" data-size="sm">
                    {t('comments.hidden')}
                  </Tag>
                </Paragraph>
              )}
              <Paragraph className="prose">{c.body}</Paragraph>
              <ReportControl
                targetType="need_comment"
                targetId={c.id}
                label={t('comments.report', {
                  name: c.author?.name ?? t('comments.formerAccount'),
                  date: formatDateTime(c.createdAt, lang),
                })}
              />
            </li>
          ))}
        </ol>
      )}
      {user && !need.mergedInto && <CommentForm needId={need.id} />}
      {!user && !isLoading && (
        <Paragraph>
          <AppLink to={`/sign-in?next=${encodeURIComponent(`/needs/${need.id}`)}`}>
            {t('comments.signIn')}
          </AppLink>
        </Paragraph>
      )}
    </section>
  );
}

function CommentForm({ needId }: { needId: string }) {
  const { t } = useNeedsTranslation();
  const { t: tc } = useTranslation();
  const changed = useNeedChanged();
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setStatus(null);
    const parsed = NeedCommentCreate.safeParse({ body });
    if (!parsed.success) {
      setError(issueMessage(tc, parsed.error.issues[0]!));
      document.getElementById('need-comment')?.focus();
      return;
    }
    setError(undefined);
    setBusy(true);
    try {
      await addComment(needId, parsed.data.body);
      setBody('');
      setStatus(t('comments.added'));
      await changed();
    } catch (err) {
      setError(errorMessage(tc, err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form noValidate onSubmit={(e) => void submit(e)} className="stack narrow">
      <Textfield
        id="need-comment"
        label={t('comments.label')}
        multiline
        rows={3}
        required
        maxLength={4000}
        value={body}
        error={error}
        onChange={(e) => setBody(e.target.value)}
      />
      <StatusMessage message={status} />
      <div>
        <Button type="submit" loading={busy}>
          {t('comments.submit')}
        </Button>
      </div>
    </form>
  );
}
