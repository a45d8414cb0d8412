import { useTranslation } from 'react-i18next';
import type en from './locales/en.json';

/**
 * Translation of the QCA workbench's strings (`qca.*` in the catalogues). They are typed here
 * rather than by i18next's own types, which give up beyond about 700 keys (see i18n.ts): a key
 * that is not in the English catalogue is still a type error, and i18n.test.ts keeps the
 * placeholders of both languages the same.
 */
type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
/** A plural key (`count_one`, `count_other`) is called by its base (`count`). */
type Base<K extends string> =
  K extends `${infer B}_${'zero' | 'one' | 'two' | 'few' | 'many' | 'other'}` ? B : K;

export type QcaKey = Base<Leaves<(typeof en)['qca']>>;
export type QcaTranslate = (key: QcaKey, options?: Record<string, unknown>) => string;

/** `t` for the QCA strings, in the interface language (re-renders when it changes). */
export function useQcaTranslation(): { t: QcaTranslate; lang: string } {
  const { i18n } = useTranslation();
  // i18next's typed `t` would check the key against the whole catalogue again: call it untyped.
  const translate = i18n.t.bind(i18n) as unknown as (key: string, options?: object) => string;
  return { t: (key, options) => translate(`qca.${key}`, options), lang: i18n.language };
}
