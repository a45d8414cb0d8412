import { useTranslation } from 'react-i18next';
import type en from '../../locales/en.json';

/**
 * Translation of the working-group pages' strings (`groups.*` in the catalogues), typed here like
 * the exchange strings (see exchange-i18n.ts): i18next's own key types give up on a catalogue of
 * this size, while a key missing from the English catalogue is still a type error here.
 */
type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
/** A plural key (`count_one`, `count_other`) is called by its base (`count`). */
type Base<K extends string> =
  K extends `${infer B}_${'zero' | 'one' | 'two' | 'few' | 'many' | 'other'}` ? B : K;

export type GroupsKey = Base<Leaves<(typeof en)['groups']>>;
export type GroupsTranslate = (key: GroupsKey, options?: Record<string, unknown>) => string;

/** `t` for the working-group strings, in the interface language (re-renders when it changes). */
export function useGroupsTranslation(): { t: GroupsTranslate; lang: string } {
  const { i18n } = useTranslation();
  // The typed `t` would check the key against the whole catalogue again: call it untyped.
  const translate = i18n.t.bind(i18n) as unknown as (key: string, options?: object) => string;
  return { t: (key, options) => translate(`groups.${key}`, options), lang: i18n.language };
}
