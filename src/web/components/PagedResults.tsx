import { useRef, type ReactNode } from 'react';
import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { LoadError } from './LoadError.tsx';
import { Loading } from './Loading.tsx';

/** The state of the list's query (react-query's result has these). */
type ListQuery = {
  isPending: boolean;
  isError: boolean;
  isPlaceholderData: boolean;
  error: unknown;
  refetch: () => unknown;
};

/**
 * A page of search results: a focusable heading, a polite status line (searching, none, how
 * many), loading and error states, the ordered list, and previous/next buttons. Turning a page
 * moves focus to the heading, since the button pressed may be disabled on the new page.
 */
export function PagedResults<T>({
  id,
  heading,
  query,
  items,
  total,
  render,
  page,
  pages,
  onPage,
  messages,
}: {
  /** The heading's id, which also labels the list. */
  id: string;
  heading: string;
  query: ListQuery;
  items: T[] | undefined;
  total: number | undefined;
  /** One `<li>` (with its key) per item. */
  render: (item: T) => ReactNode;
  page: number;
  pages: number;
  onPage: (page: number) => void;
  messages: {
    searching: string;
    noResults: string;
    resultCount: (count: number) => string;
    pagination: string;
    pageOf: (page: number, pages: number) => string;
  };
}) {
  const { t: tc } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const status = query.isPlaceholderData
    ? messages.searching
    : total === undefined
      ? ''
      : total === 0
        ? messages.noResults
        : messages.resultCount(total);

  function turn(to: number) {
    onPage(to);
    headingRef.current?.focus();
  }

  return (
    <section aria-labelledby={id} className="stack section">
      <Heading level={2} data-size="sm" id={id} ref={headingRef} tabIndex={-1}>
        {heading}
      </Heading>
      <div role="status" className="results-status">
        <Paragraph>{status}</Paragraph>
      </div>
      {query.isPending && <Loading />}
      {query.isError && <LoadError error={query.error} onRetry={() => void query.refetch()} />}
      {items && items.length > 0 && (
        <ol className="case-hits" aria-labelledby={id}>
          {items.map(render)}
        </ol>
      )}
      {items && pages > 1 && (
        <nav aria-label={messages.pagination} className="button-row">
          <Button variant="secondary" disabled={page <= 1} onClick={() => turn(page - 1)}>
            {tc('common.previousPage')}
          </Button>
          <Paragraph>{messages.pageOf(page, pages)}</Paragraph>
          <Button variant="secondary" disabled={page >= pages} onClick={() => turn(page + 1)}>
            {tc('common.nextPage')}
          </Button>
        </nav>
      )}
    </section>
  );
}
