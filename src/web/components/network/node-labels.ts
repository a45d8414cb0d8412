import { CASE_SECTORS } from '../../../shared/case-vocabulary.ts';
import type { NetworkNodeKind } from '../../../shared/network.ts';
import { useLabels } from '../../case-labels.ts';
import { useNetworkTranslation } from './network-i18n.ts';

/** How the network page names kinds, countries, sectors and communities, in the interface language. */
export function useNodeLabels() {
  const { t, lang } = useNetworkTranslation();
  const labels = useLabels();
  return {
    lang,
    kind: (kind: NetworkNodeKind) => t(`kinds.${kind}`),
    country: (code: string | null) => (code === null ? null : labels.country(code)),
    sector: (code: string | null) => (code === null ? null : labels.label(CASE_SECTORS, code)),
    community: (id: number) => t('communityName', { id }),
  };
}
