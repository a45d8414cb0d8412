import { describe, expect, it } from 'vitest';
import { CaseCreate } from '../shared/cases.ts';
import { caseInput, fieldId, formValues } from './case-form-values.ts';

describe('caseInput', () => {
  it('turns an empty form into a draft that fails only on the required fields', () => {
    const parsed = CaseCreate.safeParse(caseInput(formValues()));
    expect(parsed.success).toBe(false);
    const paths = parsed.error?.issues.map((i) => i.path.join('.')).sort();
    expect(paths).toEqual(['summary', 'title']);
  });

  it('sends empty optional fields as null, tags split on commas, and the sections written', () => {
    const values = formValues();
    values.title = 'Open data portal';
    values.summary = 'The city publishes its data.';
    values.yearLaunched = '2019';
    values.tags = 'Open data, data , open data,';
    values.sections.problem = 'Data was hard to find.';
    const input = caseInput(values);
    expect(input.level).toBeNull();
    expect(input.technology).toBeNull();
    expect(input.yearLaunched).toBe(2019);
    expect(input.tags).toEqual(['open data', 'data']);
    expect(input.sections).toEqual({ problem: 'Data was hard to find.' });
    const parsed = CaseCreate.parse(input);
    expect(parsed.status).toBe('draft');
  });

  it('drops the end date of an ongoing case and reports a year that is not one', () => {
    const values = { ...formValues(), title: 'Pilot', summary: 'A pilot.' };
    values.ongoing = true;
    values.endDate = '2020-01-01';
    values.yearLaunched = '20x0';
    const input = caseInput(values);
    expect(input.endDate).toBeNull();
    const parsed = CaseCreate.safeParse(input);
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['yearLaunched']);
  });

  it('keeps an incomplete partner row in place, so its error points at the row on screen', () => {
    const values = { ...formValues(), title: 'Pilot', summary: 'A pilot.' };
    values.partners = [
      { key: 1, name: 'City of Ghent', role: 'lead', organisationId: null },
      { key: 2, name: '', role: '', organisationId: null },
    ];
    const parsed = CaseCreate.safeParse(caseInput(values));
    const paths = parsed.error?.issues.map((i) => i.path.join('.')).sort();
    expect(paths).toEqual(['partners.1.name', 'partners.1.role']);
    expect(fieldId(['partners', 1, 'name'])).toBe('case-partners-1-name');
  });
});
