/**
 * The "record facilitation" form's values and the status actions of facilitation: plain data in,
 * plain data out, so the rules the form follows are tested apart from the page.
 */
import {
  FACILITATION_TRANSITIONS,
  type FacilitationKind,
  type FacilitationStatus,
} from '../shared/initiatives.ts';

/** What the form holds: every field as typed. */
export interface FacilitationDraft {
  organisationId: string;
  kind: FacilitationKind;
  description: string;
  address: string;
  periodStart: string;
  periodEnd: string;
  conditions: string;
  amount: string;
  currency: string;
}

export const EMPTY_FACILITATION_DRAFT: FacilitationDraft = {
  organisationId: '',
  kind: 'space',
  description: '',
  address: '',
  periodStart: '',
  periodEnd: '',
  conditions: '',
  amount: '',
  currency: 'EUR',
};

/** The fields a kind of facilitation asks for beyond the organisation, kind and description. */
export function facilitationFields(kind: FacilitationKind): ('space' | 'funding')[] {
  return kind === 'space' ? ['space'] : kind === 'funding' ? ['funding'] : [];
}

/**
 * The request body for POST /api/initiatives/:id/facilitation (checked with FacilitationCreate
 * afterwards): only the fields of the chosen kind are sent, so a place typed before switching to
 * funding is not recorded by mistake.
 *
 * @example
 * facilitationInput({ ...EMPTY_FACILITATION_DRAFT, organisationId: id, kind: 'funding', amount: '1500' });
 * // { organisationId: id, kind: 'funding', description: '', amount: 1500, currency: 'EUR' }
 */
export function facilitationInput(draft: FacilitationDraft): Record<string, unknown> {
  const base = {
    organisationId: draft.organisationId,
    kind: draft.kind,
    description: draft.description.trim(),
  };
  if (draft.kind === 'space')
    return {
      ...base,
      address: draft.address.trim(),
      periodStart: draft.periodStart || null,
      periodEnd: draft.periodEnd || null,
      conditions: draft.conditions.trim(),
    };
  if (draft.kind === 'funding') {
    const raw = draft.amount.trim().replace(',', '.');
    const amount = raw === '' ? null : Number(raw);
    return {
      ...base,
      amount: amount === null || Number.isNaN(amount) ? null : amount,
      currency: draft.currency.trim().toUpperCase(),
    };
  }
  return base;
}

/** The statuses facilitation may move on to from where it is (in order; none once finished). */
export function nextFacilitationStatuses(
  status: FacilitationStatus,
): readonly Exclude<FacilitationStatus, 'requested'>[] {
  return FACILITATION_TRANSITIONS[status].filter(
    (s): s is Exclude<FacilitationStatus, 'requested'> => s !== 'requested',
  );
}
