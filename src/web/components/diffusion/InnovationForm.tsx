import { useState, type FormEvent } from 'react';
import { Button, Fieldset, Radio, Textfield } from '@digdir/designsystemet-react';
import type { DiffusionUnit } from '../../../shared/diffusion.ts';
import { TEXT_MAX, type Innovation } from '../../diffusion-view.ts';
import { useDiffusionTranslation } from './diffusion-i18n.ts';

type Kind = Innovation['kind'];

interface Props {
  innovation: Innovation;
  unit: DiffusionUnit;
  /** The title of the case in the address, when there is one. */
  caseTitle: string | null;
  onSubmit: (innovation: Innovation, unit: DiffusionUnit) => void;
}

/** Choose what spread (the library, a case, a tag, a technology) and the unit that adopts. */
export function InnovationForm({ innovation, unit: initialUnit, caseTitle, onSubmit }: Props) {
  const { t } = useDiffusionTranslation();
  const [kind, setKind] = useState<Kind>(innovation.kind);
  const [tag, setTag] = useState(innovation.kind === 'tag' ? innovation.value : '');
  const [technology, setTechnology] = useState(
    innovation.kind === 'technology' ? innovation.value : '',
  );
  const [unit, setUnit] = useState<DiffusionUnit>(initialUnit);
  const [error, setError] = useState<string | null>(null);
  const caseId = innovation.kind === 'case' ? innovation.id : null;
  const kinds: Kind[] = caseId
    ? ['library', 'case', 'tag', 'technology']
    : ['library', 'tag', 'technology'];

  function submit(event: FormEvent) {
    event.preventDefault();
    const text = (kind === 'tag' ? tag : technology).trim();
    if (kind === 'tag' || kind === 'technology') {
      const message =
        text === ''
          ? t(`choose.${kind}Missing`)
          : text.length > TEXT_MAX
            ? t('choose.tooLong', { max: TEXT_MAX })
            : null;
      setError(message);
      if (message) {
        document.getElementById(`diffusion-${kind}`)?.focus();
        return;
      }
    } else setError(null);
    const next: Innovation =
      kind === 'tag'
        ? { kind, value: text.toLowerCase() }
        : kind === 'technology'
          ? { kind, value: text }
          : kind === 'case' && caseId
            ? { kind, id: caseId }
            : { kind: 'library' };
    onSubmit(next, unit);
  }

  const label = (k: Kind) =>
    k === 'case'
      ? t('choose.kind.case', { title: caseTitle ?? t('choose.thisCase') })
      : t(`choose.kind.${k}`);

  return (
    <form noValidate onSubmit={submit} className="stack diffusion-choose">
      <div className="diffusion-choose-fields">
        <Fieldset>
          <Fieldset.Legend>{t('choose.innovation')}</Fieldset.Legend>
          {kinds.map((k) => (
            <div key={k} className="stack-sm">
              <Radio
                id={`diffusion-kind-${k}`}
                name="diffusion-kind"
                value={k}
                label={label(k)}
                checked={kind === k}
                onChange={() => {
                  setKind(k);
                  setError(null);
                }}
              />
              {k === 'tag' && kind === 'tag' && (
                <Textfield
                  id="diffusion-tag"
                  label={t('choose.tag')}
                  description={t('choose.tagHint')}
                  value={tag}
                  error={error ?? undefined}
                  onChange={(e) => setTag(e.target.value)}
                />
              )}
              {k === 'technology' && kind === 'technology' && (
                <Textfield
                  id="diffusion-technology"
                  label={t('choose.technology')}
                  description={t('choose.technologyHint')}
                  value={technology}
                  error={error ?? undefined}
                  onChange={(e) => setTechnology(e.target.value)}
                />
              )}
            </div>
          ))}
        </Fieldset>
        <Fieldset>
          <Fieldset.Legend>{t('choose.unit')}</Fieldset.Legend>
          <Fieldset.Description>{t('choose.unitHint')}</Fieldset.Description>
          {(['country', 'organisation'] as const).map((u) => (
            <Radio
              key={u}
              id={`diffusion-unit-${u}`}
              name="diffusion-unit"
              value={u}
              label={t(`choose.units.${u}`)}
              checked={unit === u}
              onChange={() => setUnit(u)}
            />
          ))}
        </Fieldset>
      </div>
      <div>
        <Button type="submit">{t('choose.show')}</Button>
      </div>
    </form>
  );
}
