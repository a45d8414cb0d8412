import { useMemo } from 'react';
import {
  AFFILIATIONS,
  DECISION_KINDS,
  GROUP_ROLES,
  GROUP_VISIBILITIES,
  LIBRARY_KINDS,
  RESULTS_VISIBILITIES,
  RSVPS,
  STANCES,
} from '../../../shared/groups.ts';
import { useLabels } from '../../case-labels.ts';
import { formatDate } from '../../format.ts';
import { browserTimeZone, formatInstant } from '../../groups-time.ts';
import { useGroupsTranslation } from './groups-i18n.ts';

/**
 * The working groups' `t` and their words for the values they show, in the interface language:
 * vocabulary labels, countries, dates, and instants in the viewer's own time zone.
 */
export function useGroupLabels() {
  const { t, lang } = useGroupsTranslation();
  const labels = useLabels();
  const zone = useMemo(browserTimeZone, []);
  return {
    t,
    lang,
    /** The viewer's time zone (the browser's). */
    zone,
    role: (v: string) => labels.label(GROUP_ROLES, v),
    visibility: (v: string) => labels.label(GROUP_VISIBILITIES, v),
    affiliation: (v: string) => labels.label(AFFILIATIONS, v),
    decisionKind: (v: string) => labels.label(DECISION_KINDS, v),
    stance: (v: string) => labels.label(STANCES, v),
    resultsVisible: (v: string) => labels.label(RESULTS_VISIBILITIES, v),
    rsvp: (v: string) => labels.label(RSVPS, v),
    libraryKind: (v: string) => labels.label(LIBRARY_KINDS, v),
    country: labels.country,
    date: (iso: string) => formatDate(iso, lang),
    /** An instant in the viewer's zone ("12 June 2026, 15:00"). */
    instant: (iso: string) => formatInstant(iso, lang, zone),
    /** A person's name, or "a former member" for an erased account. */
    person: (p: { name: string } | null) => p?.name ?? t('common.formerMember'),
  };
}
