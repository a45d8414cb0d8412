import { useDeferredValue, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Field, Label, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import type { OrganisationKind } from '../../../shared/organisations.ts';
import { listOrganisations } from '../../api.ts';
import { useNeedsTranslation } from './needs-i18n.ts';

type Ref = { id: string; name: string };

/**
 * Find an organisation on the platform by name and choose it as responsible for a need (or
 * none): a search field narrows the choices of a plain select. Also used to choose a public body
 * (`kind`) that facilitates an initiative, or an organisation to add as a stakeholder.
 */
export function OrganisationPicker({
  id,
  label,
  value,
  initial,
  error,
  onChange,
  kind,
  noneLabel,
  searchLabel,
}: {
  id: string;
  label: string;
  value: string;
  /** The organisation chosen before (when changing a need), kept among the choices. */
  initial: Ref | null;
  error: string | undefined;
  onChange: (id: string) => void;
  /** Only organisations of this kind (such as public bodies). */
  kind?: OrganisationKind;
  /** The first choice, for none ("Not known yet" by default). */
  noneLabel?: string;
  /** The search field's label ("Find the responsible organisation" by default). */
  searchLabel?: string;
}) {
  const { t } = useNeedsTranslation();
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<Ref | null>(initial);
  const q = useDeferredValue(search.trim());
  const found = useQuery({
    queryKey: ['organisations', 'need-responsible', kind ?? null, q],
    queryFn: () => listOrganisations({ q: q || undefined, kind, limit: 25 }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  const options: Ref[] = found.data?.items ?? [];
  // Keep the chosen organisation among the choices when a new search does not find it.
  const shown = chosen && !options.some((o) => o.id === chosen.id) ? [chosen, ...options] : options;

  return (
    <>
      <Textfield
        id={`${id}-search`}
        type="search"
        autoComplete="off"
        label={searchLabel ?? t('form.organisationSearch')}
        description={t('form.organisationSearchHint')}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
      />
      <Field>
        <Label>{label}</Label>
        <Select
          id={id}
          value={value}
          aria-invalid={error ? true : undefined}
          onChange={(e) => {
            setChosen(shown.find((o) => o.id === e.target.value) ?? null);
            onChange(e.target.value);
          }}
        >
          <Select.Option value="">{noneLabel ?? t('form.noResponsible')}</Select.Option>
          {shown.map((o) => (
            <Select.Option key={o.id} value={o.id}>
              {o.name}
            </Select.Option>
          ))}
        </Select>
        <Field.Description aria-live="polite">
          {found.isSuccess && t('form.organisationsFound', { count: options.length })}
        </Field.Description>
        {error && <ValidationMessage>{error}</ValidationMessage>}
      </Field>
    </>
  );
}
