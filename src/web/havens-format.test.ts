import { describe, expect, it } from 'vitest';
import {
  accessActionKey,
  formatFigure,
  formatPValue,
  formatPercent,
  planValueText,
} from './havens-format.ts';

describe('planValueText', () => {
  it('shows vocabulary values by their label in the language', () => {
    expect(planValueText('design', 'ab_test', 'en')).toBe('A/B test');
    expect(planValueText('design', 'ab_test', 'nl')).toBe('A/B-test');
    expect(planValueText('sector', '07', 'nl')).toBe('Gezondheid');
    expect(planValueText('country', 'NL', 'en')).toBe('Netherlands');
  });

  it('joins lists, formats numbers and leaves other text as it is', () => {
    expect(planValueText('arms', ['control', 'letter'], 'en')).toBe('control, letter');
    expect(planValueText('budget', 12500.5, 'nl')).toBe('12.500,5');
    expect(planValueText('hypothesis', 'Letters help.', 'en')).toBe('Letters help.');
  });

  it('is null for an empty value', () => {
    for (const empty of [null, undefined, '', []]) {
      expect(planValueText('hypothesis', empty, 'en')).toBeNull();
    }
  });
});

describe('analysis figures', () => {
  it('writes figures and p-values in the language', () => {
    expect(formatFigure(-0.12345, 'en')).toBe('-0.123');
    expect(formatFigure(2, 'nl', 1)).toBe('2,0');
    expect(formatPValue(0.0412, 'en')).toBe('0.041');
    expect(formatPValue(0.00002, 'nl')).toBe('< 0,001');
    expect(formatPercent(0.25, 'en')).toBe('25.0%');
  });
});

describe('accessActionKey', () => {
  it('names the catalogue key of a known action and nothing for others', () => {
    expect(accessActionKey('space.view')).toBe('space_view');
    expect(accessActionKey('experiment.allocation.export')).toBe('experiment_allocation_export');
    expect(accessActionKey('something.new')).toBeNull();
  });
});
