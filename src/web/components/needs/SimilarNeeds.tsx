import { useEffect, useState } from 'react';
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { AppLink } from '../AppLink.tsx';
import { useSimilarNeeds } from './needs-api.ts';
import { useNeedsTranslation } from './needs-i18n.ts';

/** Wait before asking the server: not on every key, only once typing pauses. */
const DEBOUNCE_MS = 300;

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/**
 * While a title is typed, the needs already posted that look like it, so people support one of
 * those rather than post it twice. A polite live region: screen readers hear when some appear.
 */
export function SimilarNeeds({ title }: { title: string }) {
  const { t } = useNeedsTranslation();
  const typed = useDebounced(title.trim(), DEBOUNCE_MS);
  const query = useSimilarNeeds(typed);
  const items = typed.length >= 3 ? (query.data ?? []) : [];

  return (
    <div aria-live="polite" className="similar-needs">
      {items.length > 0 && (
        <div className="stack">
          <Heading level={2} data-size="2xs" id="similar-needs-heading">
            {t('similar.heading')}
          </Heading>
          <Paragraph data-size="sm">{t('similar.lead')}</Paragraph>
          <ul aria-labelledby="similar-needs-heading">
            {items.map((need) => (
              <li key={need.id}>
                <AppLink to={`/needs/${need.id}`}>{need.title}</AppLink>{' '}
                <span className="cell-note">
                  {t('supporters', { count: need.supports })}
                  {need.place ? ` · ${need.place}` : ''}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
