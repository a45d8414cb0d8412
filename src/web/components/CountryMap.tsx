import { useMemo } from 'react';
import { geoAzimuthalEqualArea, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, MultiPoint } from 'geojson';
import { useTranslation } from 'react-i18next';
import { useCountryShapes, type CountryShape } from '../geo/atlas.ts';
import { Loading } from './Loading.tsx';

const WIDTH = 600;
const HEIGHT = 520;

/** Europe, from Iceland and Portugal to the Black Sea, Cyprus and the North Cape. */
const EUROPE_FRAME: MultiPoint = {
  type: 'MultiPoint',
  coordinates: [
    [-24, 64],
    [-10, 36],
    [34, 34],
    [40, 44],
    [33, 70],
    [10, 71],
  ],
};

interface Props {
  /** The accessible name of the map (what it shows, in words). */
  label: string;
  /** A CSS class for each country's area (by alpha-2 code; null for areas without a code). */
  fillClass: (code: string | null) => string;
  /** A tooltip for a country, or null for none. */
  title?: (code: string) => string | null;
  /** Countries that must be in view (the map widens beyond Europe when one is not). */
  include?: readonly string[];
  className?: string;
}

/** A projection that frames Europe and, when given, countries outside it. */
function projectionFor(outside: readonly CountryShape[]) {
  const frame: MultiPoint | FeatureCollection<Geometry> =
    outside.length === 0
      ? EUROPE_FRAME
      : {
          type: 'FeatureCollection',
          features: [
            { type: 'Feature', properties: {}, geometry: EUROPE_FRAME } satisfies Feature,
            ...outside.map((s) => s.feature),
          ],
        };
  return geoAzimuthalEqualArea()
    .rotate([-10, -52])
    .fitExtent(
      [
        [8, 8],
        [WIDTH - 8, HEIGHT - 8],
      ],
      frame,
    )
    .clipExtent([
      [0, 0],
      [WIDTH, HEIGHT],
    ]);
}

function inView([[x0, y0], [x1, y1]]: [[number, number], [number, number]]): boolean {
  return x0 >= 0 && y0 >= 0 && x1 <= WIDTH && y1 <= HEIGHT && x1 > x0;
}

/** An offline map of Europe (SVG) in which each country's area gets a class. */
export function CountryMap({ label, fillClass, title, include = [], className }: Props) {
  const { t } = useTranslation();
  const shapes = useCountryShapes();
  // Compared by content: a new array with the same countries keeps the drawn map.
  const includeKey = include.join(',');

  const paths = useMemo(() => {
    if (!shapes.data) return [];
    const europe = projectionFor([]);
    const europePath = geoPath(europe);
    const wanted = new Set(includeKey ? includeKey.split(',') : []);
    const outside = shapes.data.filter(
      (s) => s.code !== null && wanted.has(s.code) && !inView(europePath.bounds(s.feature)),
    );
    const projection = outside.length > 0 ? projectionFor(outside) : europe;
    const path = geoPath(projection);
    return shapes.data
      .map((s, index) => ({ key: `${s.code ?? 'x'}-${index}`, code: s.code, d: path(s.feature) }))
      .filter((p): p is { key: string; code: string | null; d: string } => !!p.d);
  }, [shapes.data, includeKey]);

  if (shapes.isPending) return <Loading />;
  if (shapes.isError) return <p className="error-text">{t('caseMap.failed')}</p>;

  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={label}
      className={['country-map', className].filter(Boolean).join(' ')}
      focusable="false"
    >
      <rect x="0" y="0" width={WIDTH} height={HEIGHT} className="map-sea" />
      {paths.map((p) => {
        const tooltip = p.code && title ? title(p.code) : null;
        return (
          <path key={p.key} d={p.d} className={`map-country ${fillClass(p.code)}`}>
            {tooltip && <title>{tooltip}</title>}
          </path>
        );
      })}
    </svg>
  );
}
