import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../shared/accounts.ts';
import {
  CASE_FACETS,
  CASE_LEVELS,
  CASE_MATURITIES,
  CASE_SECTORS,
  CASE_STAGES,
  INNOVATION_TYPES,
  TRADITIONS,
  type Label,
} from '../shared/case-vocabulary.ts';
import type { ListFacet } from './case-search.ts';
import { countryName } from './format.ts';

/** A controlled vocabulary from src/shared/case-vocabulary.ts: each value with its labels. */
export type Vocabulary = { readonly labels: Readonly<Record<string, Label>> };

/** The label of a vocabulary value in a language; the value itself when it is not in the vocabulary. */
export function vocabLabel(vocabulary: Vocabulary, value: string, lang: Locale): string {
  return vocabulary.labels[value]?.[lang] ?? value;
}

const FACET_VOCABULARIES: Partial<Record<ListFacet, Vocabulary>> = {
  tradition: TRADITIONS,
  level: CASE_LEVELS,
  sector: CASE_SECTORS,
  stage: CASE_STAGES,
  maturity: CASE_MATURITIES,
  innovationType: INNOVATION_TYPES,
  facet: CASE_FACETS,
};

/** How a value of a search facet is shown: a country name, a vocabulary label, or the value. */
export function facetValueLabel(facet: ListFacet, value: string, lang: Locale): string {
  if (facet === 'country') return countryName(value, lang);
  const vocabulary = FACET_VOCABULARIES[facet];
  return vocabulary ? vocabLabel(vocabulary, value, lang) : value;
}

/** Labels in the interface language (re-rendered when the language changes). */
export function useLabels() {
  const { i18n } = useTranslation();
  const lang: Locale = LOCALES.find((l) => l === i18n.language) ?? 'en';
  return {
    lang,
    label: (vocabulary: Vocabulary, value: string) => vocabLabel(vocabulary, value, lang),
    country: (code: string) => countryName(code, lang),
    facetValue: (facet: ListFacet, value: string) => facetValueLabel(facet, value, lang),
  };
}
