import { useState } from 'react';
import { Field, Label, Select } from '@digdir/designsystemet-react';

export type FilterOption = { value: string; label: string };

/** A filter of a search form: one value of a list, or all of them (the empty value). */
export function FilterSelect({
  id,
  label,
  allLabel,
  value,
  options,
  onChange,
}: {
  id: string;
  label: string;
  allLabel: string;
  value: string | null;
  options: readonly FilterOption[];
  onChange: (value: string | null) => void;
}) {
  return (
    <Field>
      <Label>{label}</Label>
      <Select id={id} value={value ?? ''} onChange={(e) => onChange(e.target.value || null)}>
        <Select.Option value="">{allLabel}</Select.Option>
        {options.map((o) => (
          <Select.Option key={o.value} value={o.value}>
            {o.label}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );
}

/**
 * The search a form edits before it is applied. When the applied search changes from outside
 * (back and forward change the address), the form shows it again; `key` identifies a search.
 */
export function useSearchDraft<S>(search: S, key: string) {
  const [draft, setDraft] = useState<S>(search);
  const [shown, setShown] = useState(key);
  if (shown !== key) {
    setShown(key);
    setDraft(search);
  }
  return [draft, setDraft] as const;
}
