import { useState, type FormEvent } from 'react';
import { Button, Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { ThreadCreate, type GroupMember, type Thread } from '../../../shared/groups.ts';
import { fieldErrorsFromApi, fieldErrorsFromZod } from '../../validation.ts';
import { FormErrorSummary, useFormErrors } from '../FormErrorSummary.tsx';
import { createThread } from './groups-api.ts';
import { useGroupLabels } from './groups-labels.ts';
import { MarkdownField } from './MarkdownField.tsx';

const FIELDS = ['title', 'body'] as const;

/** Start a discussion: a title and the first post, in Markdown, mentions included. */
export function ThreadForm({
  groupId,
  members,
  onSaved,
}: {
  groupId: string;
  members: readonly GroupMember[];
  onSaved: (thread: Thread) => Promise<void>;
}) {
  const { t: tc } = useTranslation();
  const { t } = useGroupLabels();
  const form = useFormErrors<(typeof FIELDS)[number]>();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const parsed = ThreadCreate.safeParse({ title, body });
    if (!parsed.success) {
      const { fields, other } = fieldErrorsFromZod(tc, parsed.error, FIELDS);
      form.show(fields, other);
      return;
    }
    setBusy(true);
    try {
      const thread = await createThread(groupId, parsed.data);
      form.clear();
      await onSaved(thread);
    } catch (error) {
      const { fields, other } = fieldErrorsFromApi(tc, error, FIELDS);
      form.show(fields, other);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <FormErrorSummary
        fields={[
          { name: 'title', id: 'thread-title', label: t('threads.titleField') },
          { name: 'body', id: 'thread-body', label: t('threads.firstPost') },
        ]}
        {...form}
      />
      <form noValidate onSubmit={(e) => void submit(e)} className="stack narrow">
        <Textfield
          id="thread-title"
          label={t('threads.titleField')}
          required
          maxLength={200}
          autoComplete="off"
          value={title}
          error={form.errors.title}
          onChange={(e) => setTitle(e.target.value)}
        />
        <MarkdownField
          id="thread-body"
          label={t('threads.firstPost')}
          value={body}
          onChange={setBody}
          error={form.errors.body}
          members={members}
        />
        <div>
          <Button type="submit" loading={busy}>
            {t('threads.start')}
          </Button>
        </div>
      </form>
    </>
  );
}
