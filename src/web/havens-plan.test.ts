import { describe, expect, it } from 'vitest';
import { ExperimentCreate } from '../shared/havens.ts';
import { planChanges, planInput, planValues } from './havens-plan.ts';

describe('the plan form', () => {
  it('sends a new plan the shared schema accepts, empty fields as null', () => {
    const values = { ...planValues(), title: 'Reminder letters', plannedSampleSize: '1 200' };
    const parsed = ExperimentCreate.parse(planInput(values));
    expect(parsed).toMatchObject({
      title: 'Reminder letters',
      design: 'pilot',
      plannedSampleSize: 1200,
      budget: null,
      startsOn: null,
      sector: null,
      country: null,
      arms: ['control', 'treatment'],
      outcomeKind: 'binary',
      currency: 'EUR',
    });
  });

  it('reads numbers in either notation and arms as a comma-separated list', () => {
    const input = planInput({ ...planValues(), budget: '12500,50', arms: ' control, letter ,' });
    expect(input.budget).toBe(12500.5);
    expect(input.arms).toEqual(['control', 'letter']);
    expect(planInput({ ...planValues(), plannedSampleSize: 'many' }).plannedSampleSize).toBeNaN();
    expect(planInput({ ...planValues(), currency: ' eur ' }).currency).toBe('EUR');
  });

  it('fills the form from a plan and finds only the fields that changed', () => {
    const plan = ExperimentCreate.parse({
      title: 'Reminder letters',
      design: 'randomised_trial',
      hypothesis: 'Letters raise payment.',
      plannedSampleSize: 400,
      country: 'NL',
    });
    const values = planValues(plan);
    expect(values).toMatchObject({
      plannedSampleSize: '400',
      country: 'NL',
      arms: 'control, treatment',
    });
    const same = ExperimentCreate.parse(planInput(values));
    expect(planChanges(plan, same)).toEqual({});
    const changed = ExperimentCreate.parse(
      planInput({
        ...values,
        hypothesis: 'Letters raise payment by 5 points.',
        arms: 'control, letter',
      }),
    );
    expect(planChanges(plan, changed)).toEqual({
      hypothesis: 'Letters raise payment by 5 points.',
      arms: ['control', 'letter'],
    });
  });
});
