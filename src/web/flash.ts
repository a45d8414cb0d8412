import { useLocation } from 'react-router';

/** One-off messages shown on the page a person is sent to (via navigation state). */
export const FLASH_KEYS = [
  'organisationForm.created',
  'organisationForm.updated',
  'layout.signedOut',
  'profile.deleted',
  'auth.required',
  'caseForm.created',
  'caseForm.updated',
  'case.deleted',
  'qcaFlash.saved',
  'qcaFlash.deleted',
  'needsFlash.posted',
  'needsFlash.merged',
  'initiativesFlash.started',
  'exchangeFlash.offerPosted',
  'exchangeFlash.requestPosted',
  'groupsFlash.created',
  'groupsFlash.joined',
  'groupsFlash.left',
  'groupsFlash.threadStarted',
  'groupsFlash.decisionOpened',
  'groupsFlash.meetingPlanned',
] as const;
export type FlashKey = (typeof FLASH_KEYS)[number];

export function flashState(flash: FlashKey): { flash: FlashKey } {
  return { flash };
}

export function useFlash(): FlashKey | null {
  const state: unknown = useLocation().state;
  if (typeof state !== 'object' || state === null || !('flash' in state)) return null;
  const value = state.flash;
  return FLASH_KEYS.find((k) => k === value) ?? null;
}
