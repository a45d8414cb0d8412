/**
 * The units of an experiment to randomise, typed or pasted as CSV: one unit per line, its id
 * first, then its stratification factors. With factors, a header line names them (`id,region`);
 * a list of ids alone may go without one. Every problem names its line, so the form can say
 * where to look; nothing is sent until the whole list reads.
 */
import type { AllocationRequest } from '../shared/havens.ts';

export const UNITS_MAX = 100_000;
const ID_MAX = 200;
const FACTOR_MAX = 100;
const VALUE_MAX = 200;
/** Problems listed before giving up (a wrong paste would otherwise list thousands). */
const MAX_PROBLEMS = 10;
const HEADER_IDS = new Set(['id', 'unit', 'unit_id', 'unitid']);

export type Unit = AllocationRequest['units'][number];

export type UnitsProblem =
  | { line: number; kind: 'empty' }
  | { line: number; kind: 'unclosedQuote' }
  | { line: number; kind: 'headerNeeded' }
  | { line: number; kind: 'factorName'; value: string }
  | { line: number; kind: 'cellCount'; expected: number; found: number }
  | { line: number; kind: 'emptyId' }
  | { line: number; kind: 'longValue'; max: number }
  | { line: number; kind: 'duplicateId'; value: string; first: number }
  | { line: number; kind: 'tooMany'; max: number };

export type UnitsResult =
  { ok: true; units: Unit[]; factors: string[] } | { ok: false; problems: UnitsProblem[] };

/** Splits one line into cells: commas (or tabs, when the line has any), RFC 4180 quotes. */
function cells(line: string): string[] | null {
  const sep = line.includes('\t') ? '\t' : ',';
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (ch === sep) {
      out.push(cell.trim());
      cell = '';
    } else cell += ch;
  }
  if (quoted) return null;
  out.push(cell.trim());
  return out;
}

/**
 * Reads the units of an allocation.
 *
 * @example
 * parseUnits('id,region\nutrecht,centre\nleiden,west');
 * // { ok: true, factors: ['region'], units: [
 * //   { id: 'utrecht', strata: { region: 'centre' } }, { id: 'leiden', strata: { region: 'west' } }] }
 * parseUnits('school-1\nschool-2');
 * // { ok: true, factors: [], units: [{ id: 'school-1' }, { id: 'school-2' }] }
 */
export function parseUnits(text: string): UnitsResult {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const rows: { line: number; cells: string[] }[] = [];
  const problems: UnitsProblem[] = [];
  lines.forEach((raw, i) => {
    if (raw.trim() === '') return;
    const parsed = cells(raw);
    if (parsed === null) problems.push({ line: i + 1, kind: 'unclosedQuote' });
    else rows.push({ line: i + 1, cells: parsed });
  });
  if (problems.length > 0) return { ok: false, problems: problems.slice(0, MAX_PROBLEMS) };
  const first = rows[0];
  if (!first) return { ok: false, problems: [{ line: 1, kind: 'empty' }] };

  const hasHeader = HEADER_IDS.has((first.cells[0] ?? '').toLowerCase());
  const factors = hasHeader ? first.cells.slice(1) : [];
  const width = hasHeader ? first.cells.length : 1;
  if (hasHeader) {
    const seen = new Set<string>();
    for (const name of factors) {
      if (name === '' || name.length > FACTOR_MAX || seen.has(name)) {
        problems.push({ line: first.line, kind: 'factorName', value: name });
      }
      seen.add(name);
    }
  }

  const units: Unit[] = [];
  const firstLine = new Map<string, number>();
  for (const row of hasHeader ? rows.slice(1) : rows) {
    if (problems.length >= MAX_PROBLEMS) break;
    if (row.cells.length !== width) {
      problems.push(
        !hasHeader && row.line === first.line
          ? { line: row.line, kind: 'headerNeeded' }
          : { line: row.line, kind: 'cellCount', expected: width, found: row.cells.length },
      );
      continue;
    }
    const [id = '', ...values] = row.cells;
    if (id === '') {
      problems.push({ line: row.line, kind: 'emptyId' });
      continue;
    }
    if (id.length > ID_MAX || values.some((v) => v.length > VALUE_MAX)) {
      problems.push({ line: row.line, kind: 'longValue', max: ID_MAX });
      continue;
    }
    const before = firstLine.get(id);
    if (before !== undefined) {
      problems.push({ line: row.line, kind: 'duplicateId', value: id, first: before });
      continue;
    }
    firstLine.set(id, row.line);
    units.push(
      factors.length > 0
        ? { id, strata: Object.fromEntries(factors.map((f, k) => [f, values[k] ?? ''])) }
        : { id },
    );
  }
  if (problems.length > 0) return { ok: false, problems: problems.slice(0, MAX_PROBLEMS) };
  if (units.length === 0) return { ok: false, problems: [{ line: first.line + 1, kind: 'empty' }] };
  if (units.length > UNITS_MAX) {
    return {
      ok: false,
      problems: [{ line: UNITS_MAX + (hasHeader ? 2 : 1), kind: 'tooMany', max: UNITS_MAX }],
    };
  }
  return { ok: true, units, factors };
}
