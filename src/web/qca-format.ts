import { useTranslation } from 'react-i18next';

/**
 * Numbers of a QCA report in the interface language: fit values with three decimals (as R QCA
 * prints them), other values with up to three.
 */
export function useQcaFormat() {
  const { i18n } = useTranslation();
  const fit = new Intl.NumberFormat(i18n.language, {
    minimumFractionDigits: 3,
    maximumFractionDigits: 3,
  });
  const value = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 3 });
  return {
    fit: (v: number) => fit.format(v),
    value: (v: number) => value.format(v),
  };
}
