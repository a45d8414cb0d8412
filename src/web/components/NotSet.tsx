import { useTranslation } from 'react-i18next';

/** An empty value in a table or description list. */
export function NotSet() {
  const { t } = useTranslation();
  return (
    <>
      <span aria-hidden="true">–</span>
      <span className="visually-hidden">{t('common.notSet')}</span>
    </>
  );
}
