import { useQuery } from '@tanstack/react-query';
import type { Feature, Geometry } from 'geojson';
import { feature } from 'topojson-client';
// Emitted by the build as a hashed file of the app itself: no tile server, no other site. An
// import of the JSON would be inlined into the library chunk that every page loads (750 kB).
import atlasUrl from 'world-atlas/countries-50m.json?url';
import { alpha2FromNumeric } from './iso-numeric.ts';

/** One country of the world map: its alpha-2 code (null for areas without one) and its shape. */
export interface CountryShape {
  code: string | null;
  feature: Feature<Geometry>;
}

type Topology = Parameters<typeof feature>[0];
type Collection = { type: 'GeometryCollection'; geometries: unknown[] };

let loading: Promise<CountryShape[]> | null = null;

/**
 * The countries of Natural Earth's 1:50m map (world-atlas), shipped with the app and loaded on
 * first use, only on pages with a map.
 */
export function loadCountryShapes(): Promise<CountryShape[]> {
  loading ??= fetch(atlasUrl, { credentials: 'same-origin' }).then(async (response) => {
    if (!response.ok) throw new Error(`The map could not be loaded (${response.status}).`);
    const topology = (await response.json()) as Topology & {
      objects: { countries: Collection };
    };
    const collection = feature(topology, topology.objects.countries as never) as unknown as {
      features: Feature<Geometry>[];
    };
    return collection.features.map((f) => ({
      code: alpha2FromNumeric(typeof f.id === 'number' ? f.id : (f.id ?? undefined)),
      feature: f,
    }));
  });
  loading.catch(() => {
    loading = null;
  });
  return loading;
}

export function useCountryShapes() {
  return useQuery({
    queryKey: ['world-atlas', '50m'],
    queryFn: loadCountryShapes,
    staleTime: Infinity,
    gcTime: Infinity,
  });
}
