import { useState } from 'react';
import { Paragraph } from '@digdir/designsystemet-react';
import type { DiffusionView } from '../../../shared/diffusion.ts';
import { useLabels } from '../../case-labels.ts';
import {
  countriesCsv,
  countryClass,
  countryRows,
  mapYear,
  yearBounds,
  yearClasses,
} from '../../diffusion-view.ts';
import { ChartFigure } from '../ChartFigure.tsx';
import { CountryMap } from '../CountryMap.tsx';
import { useDiffusionTranslation } from './diffusion-i18n.ts';

interface Props {
  view: DiffusionView;
  /** The year in the address when the map appears (null: the last one). */
  initialYear: number | null;
  /** Called as the slider moves, to keep the address up to date. */
  onYear: (year: number | null) => void;
  filename: string;
}

/** Europe coloured by the year each country first adopted, up to a year chosen with a slider. */
export function DiffusionMap({ view, initialYear, onYear, filename }: Props) {
  const { t } = useDiffusionTranslation();
  // The slider's year lives here and is copied to the address: the router updates the address
  // a moment later, and a slider that waited for it would lose quick key presses.
  const [asked, setAsked] = useState(initialYear);
  const labels = useLabels();
  const bounds = yearBounds(view.countries);
  const year = mapYear(asked, bounds);
  const classes = yearClasses(bounds);
  const firstYear = new Map(view.countries.map((c) => [c.country, c.year]));
  const rows = countryRows(view.countries, year);
  const adopted = rows.filter((r) => r.adopted);
  const csv = countriesCsv(rows, year);

  if (!bounds || year === null) {
    return (
      <ChartFigure
        id="diffusion-map"
        heading={t('map.heading')}
        chart={<Paragraph>{t('map.none')}</Paragraph>}
        filename={filename}
        table={{
          caption: t('map.tableCaptionEmpty'),
          columns: [t('map.colCountry'), t('map.colFirstYear')],
          rows: [],
        }}
      />
    );
  }

  const adoptedNames = adopted.map((r) => labels.country(r.country));
  const chart = (
    <>
      <div className="year-slider">
        <label htmlFor="diffusion-year">{t('map.yearLabel')}</label>
        <input
          id="diffusion-year"
          type="range"
          min={bounds.first}
          max={bounds.last}
          step={1}
          value={year}
          disabled={bounds.first === bounds.last}
          onChange={(e) => {
            const next = Number(e.target.value);
            setAsked(next);
            onYear(next === bounds.last ? null : next);
          }}
        />
        <output htmlFor="diffusion-year" className="year-value">
          {year}
        </output>
      </div>
      <Paragraph data-size="sm" role="status">
        {t('map.adoptedBy', { count: adopted.length, total: rows.length, year })}
      </Paragraph>
      <CountryMap
        label={t('map.label', {
          year,
          count: adopted.length,
          countries: adoptedNames.slice(0, 12).join(', ') || t('map.noneYet'),
        })}
        include={view.countries.map((c) => c.country)}
        fillClass={(code) => countryClass(code ? firstYear.get(code) : undefined, year, classes)}
        title={(code) => {
          const first = firstYear.get(code);
          return first === undefined
            ? null
            : t('map.countryTitle', { name: labels.country(code), year: first });
        }}
      />
      <div className="legend">
        <span className="legend-label">{t('map.legend')}</span>
        <ul className="legend-items">
          {classes.map((c) => (
            <li key={c.first}>
              <span className={`swatch map-c${c.colour}`} aria-hidden="true" />
              {c.first === c.last ? c.first : `${c.first}–${c.last}`}
            </li>
          ))}
          <li>
            <span className="swatch map-later" aria-hidden="true" />
            {t('map.later', { year })}
          </li>
          <li>
            <span className="swatch map-c0" aria-hidden="true" />
            {t('map.never')}
          </li>
        </ul>
      </div>
    </>
  );

  return (
    <ChartFigure
      id="diffusion-map"
      heading={t('map.heading')}
      description={t('map.description')}
      chart={chart}
      filename={filename}
      table={{
        caption: t('map.tableCaption', { year }),
        columns: [t('map.colCountry'), t('map.colFirstYear'), t('map.colAdoptedBy', { year })],
        rows: rows.map((r) => [
          labels.country(r.country),
          String(r.year),
          r.adopted ? t('map.yes') : t('map.no'),
        ]),
        csvColumns: csv.columns,
        csvRows: csv.rows,
      }}
    />
  );
}
