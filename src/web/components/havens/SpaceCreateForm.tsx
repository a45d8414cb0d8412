import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Field,
  Fieldset,
  Heading,
  Label,
  Radio,
  Select,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { SPACE_VISIBILITIES, SpaceCreate } from '../../../shared/havens.ts';
import { useLabels } from '../../case-labels.ts';
import { useMyOrganisations } from '../../queries.ts';
import { fieldErrorsFromApi, fieldErrorsFromZod } from '../../validation.ts';
import { FormErrorSummary, useFormErrors } from '../FormErrorSummary.tsx';
import { createSpace, spaceKey, spacesKey } from './havens-api.ts';
import { useHavensTranslation } from './havens-i18n.ts';

const FIELDS = ['name', 'description', 'visibility', 'organisationId'] as const;

/** Open a space: its name, what it is for, who may see it, and the organisation behind it. */
export function SpaceCreateForm() {
  const { t: tc } = useTranslation();
  const { t } = useHavensTranslation();
  const labels = useLabels();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const organisations = useMyOrganisations(true);
  const form = useFormErrors<(typeof FIELDS)[number]>();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [visibility, setVisibility] = useState<string>('private');
  const [organisationId, setOrganisationId] = useState('');
  const [busy, setBusy] = useState(false);

  const summaryFields = [
    { name: 'name', id: 'space-name', label: t('spaceForm.name') },
    { name: 'description', id: 'space-description', label: t('spaceForm.description') },
    { name: 'visibility', id: 'space-visibility-private', label: t('spaceForm.visibility') },
    { name: 'organisationId', id: 'space-organisation', label: t('spaceForm.organisation') },
  ] as const;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const parsed = SpaceCreate.safeParse({
      name,
      description,
      visibility,
      organisationId: organisationId === '' ? null : organisationId,
    });
    if (!parsed.success) {
      const { fields, other } = fieldErrorsFromZod(tc, parsed.error, FIELDS);
      form.show(fields, other);
      return;
    }
    setBusy(true);
    try {
      const space = await createSpace(parsed.data);
      form.clear();
      queryClient.setQueryData(spaceKey(space.id), space);
      await queryClient.invalidateQueries({ queryKey: spacesKey });
      await navigate(`/spaces/${space.id}`);
    } catch (error) {
      const { fields, other } = fieldErrorsFromApi(tc, error, FIELDS);
      form.show(fields, other);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="space-create-heading" className="stack section">
      <Heading level={2} data-size="sm" id="space-create-heading">
        {t('spaceForm.heading')}
      </Heading>
      <FormErrorSummary fields={summaryFields} {...form} />
      <form noValidate onSubmit={(e) => void submit(e)} className="stack narrow">
        <Textfield
          id="space-name"
          label={t('spaceForm.name')}
          required
          value={name}
          error={form.errors.name}
          onChange={(e) => setName(e.target.value)}
        />
        <Textfield
          id="space-description"
          label={`${t('spaceForm.description')} ${tc('common.optional')}`}
          description={t('spaceForm.descriptionHint')}
          multiline
          rows={4}
          value={description}
          error={form.errors.description}
          onChange={(e) => setDescription(e.target.value)}
        />
        <Fieldset>
          <Fieldset.Legend>{t('spaceForm.visibility')}</Fieldset.Legend>
          <Fieldset.Description>{t('spaceForm.visibilityHint')}</Fieldset.Description>
          {SPACE_VISIBILITIES.values.map((v) => (
            <Radio
              key={v}
              id={`space-visibility-${v}`}
              name="space-visibility"
              value={v}
              label={labels.label(SPACE_VISIBILITIES, v)}
              checked={visibility === v}
              onChange={() => setVisibility(v)}
            />
          ))}
          {form.errors.visibility && (
            <ValidationMessage>{form.errors.visibility}</ValidationMessage>
          )}
        </Fieldset>
        <Field>
          <Label>{`${t('spaceForm.organisation')} ${tc('common.optional')}`}</Label>
          <Field.Description>{t('spaceForm.organisationHint')}</Field.Description>
          <Select
            id="space-organisation"
            value={organisationId}
            aria-invalid={form.errors.organisationId ? true : undefined}
            onChange={(e) => setOrganisationId(e.target.value)}
          >
            <Select.Option value="">{t('spaceForm.noOrganisation')}</Select.Option>
            {(organisations.data ?? []).map((o) => (
              <Select.Option key={o.id} value={o.id}>
                {o.name}
              </Select.Option>
            ))}
          </Select>
          {form.errors.organisationId && (
            <ValidationMessage>{form.errors.organisationId}</ValidationMessage>
          )}
        </Field>
        <div>
          <Button type="submit" loading={busy}>
            {t('spaceForm.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
