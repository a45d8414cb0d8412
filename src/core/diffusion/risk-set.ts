/**
 * The unit-year risk set of a discrete-time event-history analysis (Allison 1982; Berry &
 * Berry 1990 for policy diffusion): each unit is observed every year from the start until it
 * adopts; the year it adopts has `adopted = 1` and it then leaves the risk set. Units that never
 * adopt are observed to the last year (right-censored).
 */

export interface RiskUnit {
  readonly id: string;
  /** The year the unit adopted, or null if it has not. */
  readonly adoptedIn: number | null;
  /** Its group for "peers of the same group" (e.g. the governance tradition). */
  readonly group: string | null;
  /** Units it neighbours (e.g. land borders). */
  readonly neighbours: readonly string[];
  /** Units it is tied to in the collaboration network. */
  readonly networkNeighbours: readonly string[];
  /** Time-invariant numeric covariates (e.g. the share of its cases coding a driver). */
  readonly values?: Readonly<Record<string, number>>;
}

export interface RiskRow {
  readonly unit: string;
  readonly year: number;
  readonly adopted: 0 | 1;
  readonly group: string | null;
  /** Share of the other units of its group that had adopted before this year. */
  readonly peersGroup: number;
  /** Share of its neighbours that had adopted before this year (0 without neighbours). */
  readonly peersNeighbours: number;
  /** Share of its network neighbours that had adopted before this year. */
  readonly peersNetwork: number;
  readonly values: Readonly<Record<string, number>>;
}

/**
 * Builds the risk set from `firstYear` to `lastYear` inclusive. Peer shares count adoptions in
 * earlier years only (a neighbour adopting in the same year cannot have influenced the unit).
 * Units that adopted before `firstYear` are not at risk and contribute no rows (but count as
 * adopted peers).
 *
 * @example
 * // A adopts in 2011, B in 2012 (B borders A), C never: B's 2012 row has peersNeighbours 1.
 * riskSet([a, b, c], 2010, 2012).length; // A: 2010, 2011; B: 2010–2012; C: 2010–2012 → 8
 */
export function riskSet(
  units: readonly RiskUnit[],
  firstYear: number,
  lastYear: number,
): RiskRow[] {
  if (!Number.isInteger(firstYear) || !Number.isInteger(lastYear) || lastYear < firstYear)
    throw new RangeError(`the years must run forward: ${firstYear} to ${lastYear}`);
  const adoptedIn = new Map(units.map((u) => [u.id, u.adoptedIn]));
  // Per group: its size and the adoption years of its members, sorted, so "adopted before
  // year" is a binary search (a unit at risk has not adopted before the year itself).
  const byGroup = new Map<string, { size: number; years: number[] }>();
  for (const u of units) {
    if (u.group === null) continue;
    const g = byGroup.get(u.group) ?? { size: 0, years: [] };
    g.size++;
    if (u.adoptedIn !== null) g.years.push(u.adoptedIn);
    byGroup.set(u.group, g);
  }
  for (const g of byGroup.values()) g.years.sort((a, b) => a - b);
  const groupShare = (group: string, year: number) => {
    const g = byGroup.get(group)!;
    if (g.size <= 1) return 0;
    let lo = 0;
    let hi = g.years.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (g.years[mid]! < year) lo = mid + 1;
      else hi = mid;
    }
    return lo / (g.size - 1);
  };
  /** Share of `ids` (other than `self`, known units only) adopted before `year`. */
  const share = (ids: readonly string[], self: string, year: number) => {
    let n = 0;
    let adopted = 0;
    for (const id of ids) {
      if (id === self || !adoptedIn.has(id)) continue;
      n++;
      const y = adoptedIn.get(id);
      if (y !== null && y !== undefined && y < year) adopted++;
    }
    return n === 0 ? 0 : adopted / n;
  };
  const rows: RiskRow[] = [];
  for (const u of units) {
    if (u.adoptedIn !== null && u.adoptedIn < firstYear) continue;
    const last = u.adoptedIn === null ? lastYear : Math.min(u.adoptedIn, lastYear);
    for (let year = firstYear; year <= last; year++)
      rows.push({
        unit: u.id,
        year,
        adopted: u.adoptedIn === year ? 1 : 0,
        group: u.group,
        peersGroup: u.group === null ? 0 : groupShare(u.group, year),
        peersNeighbours: share(u.neighbours, u.id, year),
        peersNetwork: share(u.networkNeighbours, u.id, year),
        values: u.values ?? {},
      });
  }
  return rows;
}

/**
 * A risk-set row as the named fields of a model: `adopted`, `tradition` (the group),
 * `peersTradition`, `peersNeighbours`, `peersNetwork`, `year` and the unit's own values.
 */
export function riskRowFields(r: RiskRow) {
  return {
    adopted: r.adopted,
    tradition: r.group,
    peersTradition: r.peersGroup,
    peersNeighbours: r.peersNeighbours,
    peersNetwork: r.peersNetwork,
    year: r.year,
    ...r.values,
  };
}
