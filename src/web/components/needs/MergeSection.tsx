import { useDeferredValue, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  Button,
  Details,
  Field,
  Label,
  Paragraph,
  Select,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { NeedMerge, type Need } from '../../../shared/needs.ts';
import { flashState } from '../../flash.ts';
import { EMPTY_NEEDS_SEARCH, needIdFrom } from '../../needs-search.ts';
import { fieldErrorsFromApi } from '../../validation.ts';
import { getNeed, listNeeds, mergeNeed, needsKey, useNeedChanged } from './needs-api.ts';
import { useNeedsTranslation } from './needs-i18n.ts';

type Choice = { id: string; title: string };

/** The needs to merge into: the one an id or address names, or those matching the words. */
function useMergeChoices(text: string, self: string): { choices: Choice[]; ready: boolean } {
  const typed = useDeferredValue(text.trim());
  const id = needIdFrom(typed);
  const found = useQuery({
    queryKey: [...needsKey, 'merge-choices', id ?? typed],
    queryFn: async (): Promise<Choice[]> => {
      if (id) {
        const need = await getNeed(id).catch(() => null);
        return need ? [need] : [];
      }
      return (await listNeeds({ ...EMPTY_NEEDS_SEARCH, q: typed })).items;
    },
    enabled: typed.length >= 3,
    placeholderData: keepPreviousData,
  });
  const choices = typed.length >= 3 ? (found.data ?? []).filter((n) => n.id !== self) : [];
  return { choices, ready: typed.length >= 3 && found.isSuccess };
}

/**
 * For moderators: merge this need, a duplicate, into another. Its supports and followers move
 * over, and it points to the other from then on; the page of the other need opens.
 */
export function MergeSection({ need }: { need: Need }) {
  const { t } = useNeedsTranslation();
  const { t: tc } = useTranslation();
  const navigate = useNavigate();
  const changed = useNeedChanged();
  const [search, setSearch] = useState('');
  const [into, setInto] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const { choices, ready } = useMergeChoices(search, need.id);
  const chosen = choices.find((c) => c.id === into);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const parsed = NeedMerge.safeParse({ into: chosen?.id ?? '' });
    if (!parsed.success) {
      setError(t('merge.choose'));
      document.getElementById('merge-into')?.focus();
      return;
    }
    setError(undefined);
    setBusy(true);
    try {
      const target = await mergeNeed(need.id, parsed.data.into);
      await changed(target);
      await navigate(`/needs/${target.id}`, { state: flashState('needsFlash.merged') });
    } catch (err) {
      const { fields, other } = fieldErrorsFromApi(tc, err, ['into'] as const, {
        into: t('merge.refused'),
      });
      setError(fields.into ?? other ?? undefined);
      document.getElementById('merge-into')?.focus();
    } finally {
      setBusy(false);
    }
  }

  return (
    <Details>
      <Details.Summary>{t('merge.summary')}</Details.Summary>
      <Details.Content>
        <form noValidate onSubmit={(e) => void submit(e)} className="stack narrow">
          <Paragraph>{t('merge.lead')}</Paragraph>
          <Textfield
            id="merge-search"
            type="search"
            autoComplete="off"
            label={t('merge.search')}
            description={t('merge.searchHint')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
          <Field>
            <Label>{t('merge.into')}</Label>
            <Select
              id="merge-into"
              value={chosen?.id ?? ''}
              aria-invalid={error ? true : undefined}
              onChange={(e) => setInto(e.target.value)}
            >
              <Select.Option value="">{t('merge.chooseOption')}</Select.Option>
              {choices.map((c) => (
                <Select.Option key={c.id} value={c.id}>
                  {c.title}
                </Select.Option>
              ))}
            </Select>
            <Field.Description aria-live="polite">
              {ready && t('merge.found', { count: choices.length })}
            </Field.Description>
            {error && <ValidationMessage>{error}</ValidationMessage>}
          </Field>
          <div>
            <Button type="submit" variant="secondary" data-color="danger" loading={busy}>
              {t('merge.submit')}
            </Button>
          </div>
        </form>
      </Details.Content>
    </Details>
  );
}
