import { Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { CASE_SECTORS } from '../../../shared/case-vocabulary.ts';
import {
  EXPERIMENT_DESIGNS,
  EXPERIMENT_RESULTS,
  EXPERIMENT_STATUSES,
  type Lesson,
} from '../../../shared/havens.ts';
import { useLabels } from '../../case-labels.ts';
import { formatDate } from '../../format.ts';
import { NotSet } from '../NotSet.tsx';
import { AmendmentList } from './AmendmentList.tsx';
import { AnalysisTable } from './AnalysisTable.tsx';
import { useHavensTranslation } from './havens-i18n.ts';
import { PlanDetails } from './PlanDetails.tsx';

type Level = 2 | 3 | 4;

/** A lesson's tags: its design and how it ended. */
export function LessonTags({
  lesson,
}: {
  lesson: Pick<Lesson, 'title' | 'design' | 'status' | 'result'>;
}) {
  const { t } = useHavensTranslation();
  const labels = useLabels();
  return (
    <ul className="tag-list" aria-label={t('lesson.tagsLabel', { title: lesson.title })}>
      <li>
        <Tag data-color="neutral" data-size="sm">
          {labels.label(EXPERIMENT_DESIGNS, lesson.design)}
        </Tag>
      </li>
      <li>
        <Tag data-color={lesson.status === 'stopped' ? 'warning' : 'info'} data-size="sm">
          {lesson.status === 'stopped'
            ? labels.label(EXPERIMENT_STATUSES, 'stopped')
            : lesson.result
              ? labels.label(EXPERIMENT_RESULTS, lesson.result)
              : labels.label(EXPERIMENT_STATUSES, lesson.status)}
        </Tag>
      </li>
    </ul>
  );
}

/**
 * Everything a published lesson shows: on its own page (sections at level 2 under the page's
 * title), or as the preview before publishing (`level` deeper, the title shown too).
 */
export function LessonView({ lesson, level = 2 }: { lesson: Lesson; level?: Level }) {
  const { t, lang } = useHavensTranslation();
  const labels = useLabels();
  const sub = (level + 1) as 3 | 4 | 5;

  const plan = {
    design: lesson.design,
    question: lesson.question,
    hypothesis: lesson.hypothesis,
    intervention: lesson.intervention,
    population: lesson.population,
    plannedSampleSize: lesson.plannedSampleSize,
    primaryMetric: lesson.primaryMetric,
    successCriterion: lesson.successCriterion,
    startsOn: lesson.startsOn,
    endsOn: lesson.endsOn,
    risks: lesson.risks,
    ethics: lesson.ethics,
    dataProtection: lesson.dataProtection,
  };
  const lessons = [
    ['worked', lesson.lessonsWorked],
    ['failed', lesson.lessonsFailed],
    ['differently', lesson.lessonsDifferently],
  ] as const;

  return (
    <div className="stack">
      {level > 2 && (
        <Heading level={level} data-size="sm">
          {lesson.title}
        </Heading>
      )}
      <LessonTags lesson={lesson} />
      <dl className="details-list">
        <dt>{t('lesson.organisation')}</dt>
        <dd>{lesson.organisation?.name ?? t('lesson.anonymised')}</dd>
        <dt>{t('lesson.people')}</dt>
        <dd>{lesson.people.length > 0 ? lesson.people.join(', ') : t('lesson.anonymised')}</dd>
        <dt>{t('lesson.sector')}</dt>
        <dd>{lesson.sector ? labels.label(CASE_SECTORS, lesson.sector) : <NotSet />}</dd>
        <dt>{t('lesson.country')}</dt>
        <dd>{lesson.country ? labels.country(lesson.country) : <NotSet />}</dd>
        {lesson.stopReason && (
          <>
            <dt>{t('lesson.stopReason')}</dt>
            <dd className="prose">{lesson.stopReason}</dd>
          </>
        )}
        <dt>{t('lesson.published')}</dt>
        <dd>{formatDate(lesson.publishedAt, lang)}</dd>
      </dl>

      <Heading level={sub} data-size="xs">
        {t('lesson.lessonsHeading')}
      </Heading>
      <dl className="details-list">
        {lessons.map(([key, text]) => (
          <LessonText key={key} label={t(`report.${key}`)} text={text} />
        ))}
      </dl>

      <Heading level={sub} data-size="xs">
        {t('lesson.planHeading')}
      </Heading>
      <PlanDetails plan={plan} />

      <Heading level={sub} data-size="xs">
        {t('lesson.analysisHeading')}
      </Heading>
      {lesson.analysis ? (
        <AnalysisTable analysis={lesson.analysis} level={(sub + 1) as 4 | 5 | 6} />
      ) : (
        <Paragraph>{t('lesson.noAnalysis')}</Paragraph>
      )}

      <Heading level={sub} data-size="xs">
        {t('lesson.amendmentsHeading')}
      </Heading>
      <AmendmentList amendments={lesson.amendments} />
    </div>
  );
}

function LessonText({ label, text }: { label: string; text: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd className="prose">{text || <NotSet />}</dd>
    </>
  );
}
