import { useParams } from 'react-router';
import { Paragraph } from '@digdir/designsystemet-react';
import { AppLink } from '../components/AppLink.tsx';
import { useLesson } from '../components/havens/havens-api.ts';
import { useHavensTranslation } from '../components/havens/havens-i18n.ts';
import { HavensLoadState } from '../components/havens/HavensLoadState.tsx';
import { LessonView } from '../components/havens/LessonView.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { usePageTitle } from '../pageTitle.ts';

/** One published lesson: what was tried, what happened, and what was learnt. */
export function LessonPage() {
  const { id = '' } = useParams();
  const { t } = useHavensTranslation();
  const query = useLesson(id);
  const lesson = query.data;
  usePageTitle(lesson?.title ?? t('lesson.title'));

  return (
    <div className="stack">
      <PageHeading>{lesson?.title ?? t('lesson.title')}</PageHeading>
      <Paragraph>
        <AppLink to="/lessons">{t('lesson.backToLibrary')}</AppLink>
      </Paragraph>
      <HavensLoadState query={query} notFound={t('lesson.notFound')} />
      {lesson && <LessonView lesson={lesson} />}
    </div>
  );
}
