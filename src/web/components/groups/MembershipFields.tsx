import { Field, Label, Select, ValidationMessage } from '@digdir/designsystemet-react';
import { AFFILIATIONS } from '../../../shared/groups.ts';
import { sortedCountries } from '../../format.ts';
import { useGroupLabels } from './groups-labels.ts';

export interface MembershipValues {
  affiliation: string;
  country: string;
}

/**
 * Where a member comes from: their affiliation (policy, academia…) and their country, two
 * selects whose ids start with `idPrefix` (`<prefix>-affiliation`, `<prefix>-country`).
 */
export function MembershipFields({
  idPrefix,
  values,
  errors,
  onChange,
}: {
  idPrefix: string;
  values: MembershipValues;
  errors: Partial<Record<keyof MembershipValues, string>>;
  onChange: (patch: Partial<MembershipValues>) => void;
}) {
  const { t, lang, affiliation } = useGroupLabels();
  return (
    <>
      <Field>
        <Label>{t('membership.affiliation')}</Label>
        <Field.Description>{t('membership.affiliationHint')}</Field.Description>
        <Select
          id={`${idPrefix}-affiliation`}
          value={values.affiliation}
          aria-invalid={errors.affiliation ? true : undefined}
          onChange={(e) => onChange({ affiliation: e.target.value })}
        >
          <Select.Option value="">{t('membership.chooseAffiliation')}</Select.Option>
          {AFFILIATIONS.values.map((a) => (
            <Select.Option key={a} value={a}>
              {affiliation(a)}
            </Select.Option>
          ))}
        </Select>
        {errors.affiliation && <ValidationMessage>{errors.affiliation}</ValidationMessage>}
      </Field>
      <Field>
        <Label>{t('membership.country')}</Label>
        <Field.Description>{t('membership.countryHint')}</Field.Description>
        <Select
          id={`${idPrefix}-country`}
          value={values.country}
          aria-invalid={errors.country ? true : undefined}
          onChange={(e) => onChange({ country: e.target.value })}
        >
          <Select.Option value="">{t('membership.chooseCountry')}</Select.Option>
          {sortedCountries(lang).map((c) => (
            <Select.Option key={c.code} value={c.code}>
              {c.name}
            </Select.Option>
          ))}
        </Select>
        {errors.country && <ValidationMessage>{errors.country}</ValidationMessage>}
      </Field>
    </>
  );
}
