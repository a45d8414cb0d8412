import { describe, expect, it } from 'vitest';
import { NeedCreate, NeedUpdate, type Need } from '../shared/needs.ts';
import { createBody, needFormValues, updateBody } from './needs-form.ts';

const ORG = '5a1c0e3e-2f4b-4c1d-9a7e-0d3b2c1a4f5e';

describe('the need form', () => {
  it('starts empty for a new need, and a valid one passes the shared schema', () => {
    const values = { ...needFormValues(), title: 'Lights on Elm Street', country: 'nl' };
    const parsed = NeedCreate.safeParse(createBody(values));
    expect(parsed.success && parsed.data).toMatchObject({
      title: 'Lights on Elm Street',
      country: 'NL',
      sector: null,
      responsibleOrganisationId: null,
      organisationId: null,
    });
  });

  it('reports a short title and a missing country', () => {
    const parsed = NeedCreate.safeParse(createBody({ ...needFormValues(), title: 'Bin' }));
    expect(parsed.success).toBe(false);
    const paths = parsed.error?.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['title', 'country']));
  });

  it('fills in a need to change, and sends only what may change', () => {
    const need = {
      title: 'Broken bench in the park',
      description: 'Since March.',
      place: 'Westpark',
      country: 'NL',
      sector: '08',
      responsibleOrganisation: { id: ORG, name: 'Council' },
      organisation: null,
    } as Need;
    const values = needFormValues(need);
    expect(values).toMatchObject({ sector: '08', responsibleOrganisationId: ORG });
    const body = updateBody({ ...values, sector: '' });
    expect(body).toEqual({
      title: 'Broken bench in the park',
      description: 'Since March.',
      place: 'Westpark',
      sector: null,
      responsibleOrganisationId: ORG,
    });
    expect(NeedUpdate.safeParse(body).success).toBe(true);
  });
});
