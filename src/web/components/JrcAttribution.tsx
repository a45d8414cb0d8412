import { Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';

/** The source and licence of the JRC's cases (EUPL-1.2 asks for the attribution). */
export function JrcAttribution() {
  const { t } = useTranslation();
  return (
    <Paragraph data-size="sm" className="attribution">
      {t('cases.jrcAttribution')}
    </Paragraph>
  );
}

/** Provenance source of the cases imported from the JRC. */
export const JRC_SOURCE = 'jrc-ips';
