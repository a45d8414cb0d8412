import { describe, expect, it } from 'vitest';
import { ApiError } from './api.ts';
import { answerConflict, canReopen, nextStatuses } from './needs-status.ts';

describe('the answers a need may get next', () => {
  it('moves forward only, and not at all once resolved or declined', () => {
    expect(nextStatuses('open')).toEqual(['acknowledged', 'declined']);
    expect(nextStatuses('being_addressed')).toEqual(['resolved', 'declined']);
    expect(nextStatuses('resolved')).toEqual([]);
    expect(nextStatuses('declined')).toEqual([]);
  });

  it('reopens only a resolved or declined need', () => {
    expect(canReopen('resolved')).toBe(true);
    expect(canReopen('declined')).toBe(true);
    expect(canReopen('open')).toBe(false);
    expect(canReopen('acknowledged')).toBe(false);
  });
});

describe('why the server refused an answer', () => {
  it('names the conflicts it knows', () => {
    expect(answerConflict(new ApiError(409, 'illegal_transition', 'out of order'))).toBe(
      'illegal_transition',
    );
    expect(answerConflict(new ApiError(409, 'changed', 'reload'))).toBe('changed');
  });

  it('leaves other errors to the general messages', () => {
    expect(answerConflict(new ApiError(409, 'already_supported', '…'))).toBeNull();
    expect(answerConflict(new ApiError(403, 'forbidden', '…'))).toBeNull();
    expect(answerConflict(new Error('changed'))).toBeNull();
  });
});
