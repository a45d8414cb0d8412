import { useState, type ReactNode } from 'react';
import { Details } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { StatusMessage } from './StatusMessage.tsx';

/**
 * A form to change something, folded away under a summary; when it is saved, "Your changes have
 * been saved." is said in a live region that stays in the page, and `changed` updates the caches.
 */
export function EditDetails<T>({
  summary,
  changed,
  form,
}: {
  summary: string;
  changed: (saved: T) => Promise<void>;
  form: (onSaved: (saved: T) => Promise<void>) => ReactNode;
}) {
  const { t: tc } = useTranslation();
  const [status, setStatus] = useState<string | null>(null);
  return (
    <div className="stack">
      <Details>
        <Details.Summary>{summary}</Details.Summary>
        <Details.Content>
          {form(async (saved) => {
            setStatus(tc('common.saved'));
            await changed(saved);
          })}
        </Details.Content>
      </Details>
      <StatusMessage message={status} />
    </div>
  );
}
