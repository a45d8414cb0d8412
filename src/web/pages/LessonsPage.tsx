import { useMemo, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import {
  Button,
  Field,
  Heading,
  Label,
  Paragraph,
  Select,
  Textfield,
} from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { CASE_SECTORS } from '../../shared/case-vocabulary.ts';
import {
  EXPERIMENT_DESIGNS,
  EXPERIMENT_RESULTS,
  LESSONS_PAGE_SIZE,
  type LessonList,
  type LessonSummary,
} from '../../shared/havens.ts';
import { AppLink } from '../components/AppLink.tsx';
import { useLessons } from '../components/havens/havens-api.ts';
import { useHavensTranslation } from '../components/havens/havens-i18n.ts';
import { LessonTags } from '../components/havens/LessonView.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { PagedResults } from '../components/PagedResults.tsx';
import { useLabels } from '../case-labels.ts';
import { formatDate } from '../format.ts';
import {
  EMPTY_LESSONS_SEARCH,
  LESSON_FILTERS,
  LESSON_RESULTS,
  hasLessonFilters,
  lessonsSearchFromParams,
  lessonsSearchParams,
  type LessonFilter,
  type LessonsSearch,
} from '../havens-lessons.ts';
import { usePageTitle } from '../pageTitle.ts';

/** The public library of lessons from experiments, failures included: search and filters. */
export function LessonsPage() {
  const { t } = useHavensTranslation();
  usePageTitle(t('library.title'));
  const [params, setParams] = useSearchParams();
  const search = useMemo(() => lessonsSearchFromParams(params), [params]);
  const query = useLessons(search);
  const list = query.data;
  const pages = list ? Math.max(1, Math.ceil(list.total / LESSONS_PAGE_SIZE)) : 1;

  function go(next: LessonsSearch) {
    setParams(lessonsSearchParams(next));
  }

  return (
    <div className="stack">
      <PageHeading>{t('library.title')}</PageHeading>
      <Paragraph className="prose">{t('library.lead')}</Paragraph>
      <SearchForm
        search={search}
        facets={list?.facets ?? null}
        onSearch={(next) => go({ ...next, page: 1 })}
      />
      <PagedResults
        id="lesson-results-heading"
        heading={t('library.resultsHeading')}
        query={query}
        items={list?.items}
        total={list?.total}
        render={(lesson) => <LessonHit key={lesson.id} lesson={lesson} />}
        page={search.page}
        pages={pages}
        onPage={(page) => go({ ...search, page })}
        messages={{
          searching: t('library.searching'),
          noResults: t('library.noResults'),
          resultCount: (count) => t('library.resultCount', { count }),
          pagination: t('library.pagination'),
          pageOf: (page, pages) => t('library.pageOf', { page, pages }),
        }}
      />
    </div>
  );
}

function LessonHit({ lesson }: { lesson: LessonSummary }) {
  const { t, lang } = useHavensTranslation();
  const labels = useLabels();
  const about = [
    lesson.sector ? labels.label(CASE_SECTORS, lesson.sector) : null,
    lesson.country ? labels.country(lesson.country) : null,
    lesson.organisation?.name ?? null,
    t('library.publishedOn', { date: formatDate(lesson.publishedAt, lang) }),
  ].filter((s): s is string => s !== null);
  return (
    <li className="case-hit">
      <Heading level={3} data-size="xs" className="case-hit-title">
        <AppLink to={`/lessons/${lesson.id}`}>{lesson.title}</AppLink>
      </Heading>
      {lesson.excerpt && <Paragraph className="case-hit-text prose">{lesson.excerpt}</Paragraph>}
      <LessonTags lesson={lesson} />
      <Paragraph data-size="sm">{about.join(' · ')}</Paragraph>
    </li>
  );
}

/** The text query and one select per filter, each option with the number of lessons it would find. */
function SearchForm({
  search,
  facets,
  onSearch,
}: {
  search: LessonsSearch;
  facets: LessonList['facets'] | null;
  onSearch: (next: LessonsSearch) => void;
}) {
  const { t, lang } = useHavensTranslation();
  const { t: tc } = useTranslation();
  const labels = useLabels();
  const [draft, setDraft] = useState<LessonsSearch>(search);
  // Back and forward change the address: show its search in the form again.
  const current = lessonsSearchParams(search).toString();
  const [shown, setShown] = useState(current);
  if (shown !== current) {
    setShown(current);
    setDraft(search);
  }

  function options(filter: LessonFilter): [string, string][] {
    const counts = facets?.[filter] ?? {};
    const values: readonly string[] =
      filter === 'design'
        ? EXPERIMENT_DESIGNS.values
        : filter === 'result'
          ? LESSON_RESULTS
          : filter === 'sector'
            ? CASE_SECTORS.values
            : [...new Set([...Object.keys(counts), ...(search.country ? [search.country] : [])])];
    const label = (v: string) =>
      filter === 'design'
        ? labels.label(EXPERIMENT_DESIGNS, v)
        : filter === 'result'
          ? v === 'stopped'
            ? t('library.stopped')
            : labels.label(EXPERIMENT_RESULTS, v)
          : filter === 'sector'
            ? labels.label(CASE_SECTORS, v)
            : labels.country(v);
    const out = values.map((v): [string, string] => [
      v,
      t('library.option', { label: label(v), count: counts[v] ?? 0 }),
    ]);
    if (filter === 'country') {
      const collator = new Intl.Collator(lang);
      out.sort((a, b) => collator.compare(a[1], b[1]));
    }
    return out;
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    onSearch({ ...draft, q: draft.q.trim() });
  }

  return (
    <form role="search" aria-label={t('library.searchForm')} onSubmit={submit} className="filters">
      <Textfield
        id="lessons-q"
        label={t('library.q')}
        description={t('library.qHint')}
        type="search"
        maxLength={300}
        value={draft.q}
        onChange={(e) => setDraft({ ...draft, q: e.target.value })}
      />
      {LESSON_FILTERS.map((filter) => (
        <Field key={filter}>
          <Label>{t(`library.filters.${filter}`)}</Label>
          <Select
            id={`lessons-${filter}`}
            value={draft[filter] ?? ''}
            onChange={(e) => setDraft({ ...draft, [filter]: e.target.value || null })}
          >
            <Select.Option value="">{t('library.all')}</Select.Option>
            {options(filter).map(([value, text]) => (
              <Select.Option key={value} value={value}>
                {text}
              </Select.Option>
            ))}
          </Select>
        </Field>
      ))}
      <div className="button-row filters-actions">
        <Button type="submit">{tc('common.search')}</Button>
        {hasLessonFilters(search) && (
          <Button
            variant="secondary"
            onClick={() => {
              setDraft(EMPTY_LESSONS_SEARCH);
              onSearch(EMPTY_LESSONS_SEARCH);
            }}
          >
            {t('library.clear')}
          </Button>
        )}
      </div>
    </form>
  );
}
