import { describe, expect, it } from 'vitest';
import { stem, termVector, tokens } from './text.ts';

describe('tokens', () => {
  it('lower-cases and strips diacritics', () => {
    expect(tokens('CAFÉ Zürich Kraków')).toEqual(['cafe', 'zurich', 'krakow']);
  });

  it('splits on anything that is not a letter or digit, in any script', () => {
    expect(tokens('data-sharing/Москва;2024—ΑΘΗΝΑ')).toEqual([
      'data',
      'shar',
      'москва',
      '2024',
      'αθηνα',
    ]);
  });

  it('drops English and Dutch stop words', () => {
    expect(tokens('The library and its volunteers')).toEqual(['library', 'volunteer']);
    expect(tokens('Een bibliotheek voor alle wijken van de gemeente')).toEqual([
      'bibliotheek',
      'wijk',
      'gemeent',
    ]);
  });

  it('drops words shorter than three characters', () => {
    expect(tokens('an ox is at it, go 42 AI')).toEqual([]);
  });
});

describe('stem', () => {
  it.each([
    [['train', 'trains', 'training', 'trainings', 'trained'], 'train'],
    [['plan', 'plans', 'planning', 'planned', 'plannen'], 'plan'],
    [['study', 'studies', 'studying'], 'study'],
    [['finance', 'finances', 'financed', 'financing'], 'financ'],
    [['gemeente', 'gemeenten'], 'gemeent'],
    [['ruimte', 'ruimtes'], 'ruimt'],
    [['werk', 'werken'], 'werk'],
  ])('brings the forms of one word together: %j', (forms, expected) => {
    expect(forms.map(stem)).toEqual(forms.map(() => expected));
  });

  it.each(['analysis', 'business', 'campus', 'kennis', 'string', 'speed', 'need', 'skill'])(
    'leaves %s alone',
    (word) => {
      expect(stem(word)).toBe(word);
    },
  );
});

describe('termVector', () => {
  it('counts title terms twice, description terms once, and sectors as terms of their own', () => {
    const vector = termVector({
      title: 'Bookkeeping volunteers',
      description: 'Bookkeeping help for a food bank',
      sectors: ['10', '07', '10'],
    });
    expect(vector).toEqual({
      terms: ['bank', 'bookkeep', 'food', 'help', 'sector:07', 'sector:10', 'volunteer'],
      counts: [1, 3, 1, 1, 1, 1, 2],
      words: ['bank', 'bookkeeping', 'food', 'help', 'sector:07', 'sector:10', 'volunteers'],
    });
  });

  it('is empty for an item without words or sectors', () => {
    expect(termVector({ title: 'A', description: 'of the', sectors: [] })).toEqual({
      terms: [],
      counts: [],
      words: [],
    });
  });
});
