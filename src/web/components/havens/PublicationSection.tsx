import { useRef, useState } from 'react';
import { Alert, Button, Checkbox, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Experiment, Lesson } from '../../../shared/havens.ts';
import { ApiError } from '../../api.ts';
import { formatDate } from '../../format.ts';
import { errorMessage } from '../../validation.ts';
import { AppLink } from '../AppLink.tsx';
import { StatusMessage } from '../StatusMessage.tsx';
import {
  experimentKey,
  lessonsKey,
  previewPublication,
  publish,
  spaceKey,
  withdraw,
} from './havens-api.ts';
import { useHavensTranslation } from './havens-i18n.ts';
import { LessonView } from './LessonView.tsx';

/**
 * Publishing a completed or stopped experiment as a lesson (owners): choose whether to anonymise,
 * see exactly what becomes public, then confirm; or withdraw a published lesson.
 */
export function PublicationSection({ experiment }: { experiment: Experiment }) {
  const { t: tc } = useTranslation();
  const { t, lang } = useHavensTranslation();
  const queryClient = useQueryClient();
  const [anonymise, setAnonymise] = useState(true);
  const [preview, setPreview] = useState<Lesson | null>(null);
  const [busy, setBusy] = useState<'preview' | 'publish' | 'withdraw' | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const previewRef = useRef<HTMLHeadingElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { lesson } = experiment;

  async function refresh() {
    await queryClient.invalidateQueries({ queryKey: experimentKey(experiment.id) });
    await queryClient.invalidateQueries({ queryKey: spaceKey(experiment.space.id) });
    await queryClient.invalidateQueries({ queryKey: lessonsKey });
  }

  async function act(kind: 'preview' | 'publish' | 'withdraw') {
    if (busy) return;
    setBusy(kind);
    setFailure(null);
    try {
      if (kind === 'preview') {
        setPreview(await previewPublication(experiment.id, anonymise));
        setStatus(null);
        requestAnimationFrame(() => previewRef.current?.focus());
        return;
      }
      if (kind === 'publish') {
        await publish(experiment.id, anonymise);
        setPreview(null);
        setStatus(t('publication.published'));
      } else {
        await withdraw(experiment.id);
        setStatus(t('publication.withdrawn'));
      }
      await refresh();
      headingRef.current?.focus();
    } catch (error) {
      setStatus(null);
      setFailure(
        error instanceof ApiError && error.status === 409 ? error.message : errorMessage(tc, error),
      );
    } finally {
      setBusy(null);
    }
  }

  return (
    <section aria-labelledby="experiment-publication-heading" className="stack section">
      <Heading
        level={2}
        data-size="sm"
        id="experiment-publication-heading"
        ref={headingRef}
        tabIndex={-1}
      >
        {t('publication.heading')}
      </Heading>
      <StatusMessage message={status} />
      {failure && (
        <Alert data-color="danger" role="alert">
          <Paragraph>{failure}</Paragraph>
        </Alert>
      )}
      {lesson ? (
        <>
          <Paragraph>
            {lesson.anonymised
              ? t('publication.isPublishedAnonymised', {
                  date: formatDate(lesson.publishedAt, lang),
                })
              : t('publication.isPublished', { date: formatDate(lesson.publishedAt, lang) })}
          </Paragraph>
          <Paragraph>
            <AppLink to={`/lessons/${lesson.id}`}>{t('publication.viewLesson')}</AppLink>
          </Paragraph>
          <div>
            <Button
              variant="secondary"
              data-color="danger"
              loading={busy === 'withdraw'}
              onClick={() => void act('withdraw')}
            >
              {t('publication.withdraw')}
            </Button>
          </div>
        </>
      ) : (
        <>
          <Paragraph className="prose">{t('publication.lead')}</Paragraph>
          <Checkbox
            id="publication-anonymise"
            label={t('publication.anonymise')}
            description={t('publication.anonymiseHint')}
            checked={anonymise}
            onChange={(e) => {
              setAnonymise(e.target.checked);
              // What the preview showed no longer holds.
              setPreview(null);
            }}
          />
          <div>
            <Button
              variant="secondary"
              loading={busy === 'preview'}
              onClick={() => void act('preview')}
            >
              {t('publication.preview')}
            </Button>
          </div>
          {preview && (
            <section aria-labelledby="publication-preview-heading" className="stack section">
              <Heading
                level={3}
                data-size="xs"
                id="publication-preview-heading"
                ref={previewRef}
                tabIndex={-1}
              >
                {t('publication.previewHeading')}
              </Heading>
              <Paragraph>{t('publication.previewLead')}</Paragraph>
              <LessonView lesson={preview} level={4} />
              <div>
                <Button loading={busy === 'publish'} onClick={() => void act('publish')}>
                  {t('publication.publish')}
                </Button>
              </div>
            </section>
          )}
        </>
      )}
    </section>
  );
}
