import { useQuery } from '@tanstack/react-query';
import {
  ModerationQueue,
  type ModeratedType,
  type ModerationDecision,
} from '../../../shared/moderation.ts';
import { json, noContent } from '../../api.ts';

/* Reports, the moderators' queue and their decisions, and organisations' pre-moderation. */

/** Report content (once per person: 409 `already_reported`). */
export function report(targetType: ModeratedType, targetId: string, reason: string) {
  return noContent('POST', '/api/reports', { targetType, targetId, reason });
}

export function getModerationQueue() {
  return json(ModerationQueue, 'GET', '/api/moderation/queue');
}

/** Hide, or restore (which also approves a need awaiting pre-moderation). */
export function moderate(action: 'hide' | 'restore', decision: ModerationDecision) {
  return noContent('POST', `/api/moderation/${action}`, decision);
}

export function setPremoderation(organisationId: string, required: boolean) {
  return noContent(
    'PUT',
    `/api/organisations/${encodeURIComponent(organisationId)}/premoderation`,
    { required },
  );
}

export const moderationQueueKey = ['moderation', 'queue'] as const;

export function useModerationQueue(enabled: boolean) {
  return useQuery({ queryKey: moderationQueueKey, queryFn: getModerationQueue, enabled });
}
