import { useState } from 'react';
import { Details } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { Need } from '../../../shared/needs.ts';
import { StatusMessage } from '../StatusMessage.tsx';
import { NeedForm } from './NeedForm.tsx';
import { useNeedChanged } from './needs-api.ts';
import { useNeedsTranslation } from './needs-i18n.ts';

/** Change a need: its author while it is open, and moderators. */
export function EditSection({ need }: { need: Need }) {
  const { t } = useNeedsTranslation();
  const { t: tc } = useTranslation();
  const changed = useNeedChanged();
  const [status, setStatus] = useState<string | null>(null);
  return (
    <div className="stack">
      <Details>
        <Details.Summary>{t('edit.summary')}</Details.Summary>
        <Details.Content>
          <NeedForm
            need={need}
            onSaved={async (saved) => {
              setStatus(tc('common.saved'));
              await changed(saved);
            }}
          />
        </Details.Content>
      </Details>
      <StatusMessage message={status} />
    </div>
  );
}
