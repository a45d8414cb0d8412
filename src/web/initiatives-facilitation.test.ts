import { describe, expect, it } from 'vitest';
import { FacilitationCreate } from '../shared/initiatives.ts';
import {
  EMPTY_FACILITATION_DRAFT,
  facilitationFields,
  facilitationInput,
  nextFacilitationStatuses,
} from './initiatives-facilitation.ts';

const ORG = '5a1c0e3e-2f4b-4c1d-9a7e-0d3b2c1a4f5e';

describe('the record facilitation form', () => {
  it('asks for place, period and conditions for space, and an amount for funding', () => {
    expect(facilitationFields('space')).toEqual(['space']);
    expect(facilitationFields('funding')).toEqual(['funding']);
    expect(facilitationFields('convene')).toEqual([]);
  });

  it('sends the space fields of a building offered', () => {
    const input = facilitationInput({
      ...EMPTY_FACILITATION_DRAFT,
      organisationId: ORG,
      kind: 'space',
      address: ' Town Hall, Main Street 1 ',
      periodStart: '2027-01-01',
      conditions: 'Weekdays only',
      amount: '500',
    });
    expect(input).toEqual({
      organisationId: ORG,
      kind: 'space',
      description: '',
      address: 'Town Hall, Main Street 1',
      periodStart: '2027-01-01',
      periodEnd: null,
      conditions: 'Weekdays only',
    });
    expect(FacilitationCreate.safeParse(input).success).toBe(true);
  });

  it('reads an amount with a decimal comma, and leaves out the place for funding', () => {
    const input = facilitationInput({
      ...EMPTY_FACILITATION_DRAFT,
      organisationId: ORG,
      kind: 'funding',
      address: 'typed before switching',
      amount: '1500,50',
      currency: 'eur',
    });
    expect(input).toEqual({
      organisationId: ORG,
      kind: 'funding',
      description: '',
      amount: 1500.5,
      currency: 'EUR',
    });
  });

  it('lets the schema reject funding without an amount', () => {
    const input = facilitationInput({
      ...EMPTY_FACILITATION_DRAFT,
      organisationId: ORG,
      kind: 'funding',
      amount: 'lots',
    });
    expect(input.amount).toBeNull();
    expect(FacilitationCreate.safeParse(input).success).toBe(false);
  });
});

describe('facilitation status actions', () => {
  it('moves on in order and stops once finished', () => {
    expect(nextFacilitationStatuses('requested')).toEqual(['committed', 'withdrawn']);
    expect(nextFacilitationStatuses('committed')).toEqual(['delivered', 'withdrawn']);
    expect(nextFacilitationStatuses('delivered')).toEqual([]);
    expect(nextFacilitationStatuses('withdrawn')).toEqual([]);
  });
});
