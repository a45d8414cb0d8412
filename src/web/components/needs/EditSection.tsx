import type { Need } from '../../../shared/needs.ts';
import { EditDetails } from '../EditDetails.tsx';
import { NeedForm } from './NeedForm.tsx';
import { useNeedChanged } from './needs-api.ts';
import { useNeedsTranslation } from './needs-i18n.ts';

/** Change a need: its author while it is open, and moderators. */
export function EditSection({ need }: { need: Need }) {
  const { t } = useNeedsTranslation();
  const changed = useNeedChanged();
  return (
    <EditDetails
      summary={t('edit.summary')}
      changed={changed}
      form={(onSaved) => <NeedForm need={need} onSaved={onSaved} />}
    />
  );
}
