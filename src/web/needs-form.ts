/**
 * The need form's values (text, as the inputs hold them) and the bodies they become: a new need
 * (POST /api/needs) or a change to one (PATCH /api/needs/:id). No React, no DOM.
 */
import type { Need } from '../shared/needs.ts';

export interface NeedFormValues {
  title: string;
  description: string;
  place: string;
  country: string;
  /** '' for none. */
  sector: string;
  responsibleOrganisationId: string;
  /** Post on behalf of one of my organisations ('' for myself). */
  organisationId: string;
}

export const NEED_FORM_FIELDS = [
  'title',
  'description',
  'place',
  'country',
  'sector',
  'responsibleOrganisationId',
  'organisationId',
] as const satisfies readonly (keyof NeedFormValues)[];
export type NeedFormField = (typeof NEED_FORM_FIELDS)[number];

/** The form's values for a new need, or for changing `need`. */
export function needFormValues(need?: Need): NeedFormValues {
  return {
    title: need?.title ?? '',
    description: need?.description ?? '',
    place: need?.place ?? '',
    country: need?.country ?? '',
    sector: need?.sector ?? '',
    responsibleOrganisationId: need?.responsibleOrganisation?.id ?? '',
    organisationId: need?.organisation?.id ?? '',
  };
}

const orNull = (s: string) => (s === '' ? null : s);

/**
 * The body of a new need (for NeedCreate to check).
 *
 * @example
 * createBody({ ...needFormValues(), title: 'Lights on Elm Street', country: 'NL' });
 * // { title: 'Lights on Elm Street', description: '', place: '', country: 'NL', sector: null,
 * //   responsibleOrganisationId: null, organisationId: null }
 */
export function createBody(values: NeedFormValues) {
  return {
    title: values.title,
    description: values.description,
    place: values.place,
    country: values.country,
    sector: orNull(values.sector),
    responsibleOrganisationId: orNull(values.responsibleOrganisationId),
    organisationId: orNull(values.organisationId),
  };
}

/** The body of a change (for NeedUpdate to check): what the author may change after posting. */
export function updateBody(values: NeedFormValues) {
  return {
    title: values.title,
    description: values.description,
    place: values.place,
    sector: orNull(values.sector),
    responsibleOrganisationId: orNull(values.responsibleOrganisationId),
  };
}
