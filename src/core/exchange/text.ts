/**
 * Text analysis for the exchange matcher: English and Dutch titles and descriptions become terms.
 *
 * A word is a run of letters and digits (any script), folded to lower case with its diacritics
 * stripped (NFKD, then combining marks removed: `café` → `cafe`, `één` → `een`). Words shorter
 * than three characters and common English and Dutch function words are dropped, and the rest
 * pass a light suffix stemmer ({@link stem}). Both sides of a match go through the same steps,
 * so an odd-looking stem (`financ`) is harmless: what matters is that `finance`, `finances`,
 * `financed` and `financing` meet.
 */

/**
 * Common English function words, compared after lower-casing and stripping diacritics. Words of
 * one or two letters are dropped anyway, so they are not listed.
 */
const ENGLISH_STOP_WORDS = `
  about above after again against all also and any are because been before being below between
  both but can could did does doing down during each etc few for from further had has have
  having her here hers herself him himself his how into its itself just may more most much
  must myself nor not now off once only other our ours ourselves out over own same she should
  some such than that the their theirs them themselves then there these they this those
  through too under until very via was were what when where which while who whom why will with
  would you your yours yourself yourselves
`;

/** Common Dutch function words (`één` is listed as `een`: diacritics are stripped first). */
const DUTCH_STOP_WORDS = `
  aan alle alleen alles als altijd andere ben bent bij binnen daar daarom dan dat den der des
  deze die dit doch doen door dus een eens eigen geen geweest haar had heb hebben hebt heeft
  hem hen het hier hij hoe hun iemand iets jij jou jouw jullie kan kon kunnen kunt maar meer
  men met mij mijn moet moeten naar niet niets nog omdat onder ons onze ook over reeds tegen
  toch toen tot tussen uit van veel voor waar wanneer want waren was wat wel welk welke werd
  werden wezen wie wij wil willen worden wordt zal zelf zich zij zijn zoals zonder zou zouden
  zullen
`;

const STOP_WORDS: ReadonlySet<string> = new Set(
  `${ENGLISH_STOP_WORDS} ${DUTCH_STOP_WORDS}`.split(/\s+/).filter((w) => w !== ''),
);

const NON_WORD = /[^\p{L}\p{N}]+/u;
const COMBINING_MARKS = /\p{M}+/gu;
const VOWEL = /[aeiouy]/;
/** A doubled final consonant left by a cut suffix (`plann` from planning); not l, s, z or f. */
const DOUBLED_CONSONANT = /([^aeiouylszf])\1$/;
const KEPT_S = /[sui]s$/;

/**
 * The words of a text: lower case, diacritics stripped, split on anything that is not a letter or
 * digit, without stop words and words shorter than three characters. Not stemmed.
 */
function words(text: string): string[] {
  const out: string[] = [];
  const folded = text.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase();
  for (const word of folded.split(NON_WORD)) {
    if (word.length >= 3 && !STOP_WORDS.has(word)) out.push(word);
  }
  return out;
}

/**
 * A light suffix stemmer for English and Dutch, applied in three steps (a simplified cousin of
 * Porter's 1980 step 1, not the full algorithm):
 *
 * 1. plurals: `-ies` → `-y` (studies → study); otherwise a final `-s` is dropped, except after
 *    `s`, `u` or `i` (class, campus, analysis, kennis);
 * 2. `-ing` is dropped when a vowel is left in at least three letters (training → train, but
 *    string stays); `-ed` and the Dutch `-en` are dropped when four letters are left (funded →
 *    fund, gemeenten → gemeent); a doubled final consonant left behind is undoubled (planned →
 *    plan, plannen → plan);
 * 3. a final `-e` is dropped from words of five letters or more (finance → financ, gemeente →
 *    gemeent), so that step 2's stems meet the base form.
 *
 * @example
 * stem('trainings'); // 'train'
 * stem('gemeenten'); // 'gemeent', as stem('gemeente')
 */
export function stem(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 3 && w.endsWith('s') && !KEPT_S.test(w)) w = w.slice(0, -1);

  let cut = 0;
  if (w.endsWith('ing') && w.length >= 6 && VOWEL.test(w.slice(0, -3))) cut = 3;
  else if ((w.endsWith('ed') || w.endsWith('en')) && w.length >= 6) cut = 2;
  if (cut > 0) {
    w = w.slice(0, -cut);
    if (w.length >= 4 && DOUBLED_CONSONANT.test(w)) w = w.slice(0, -1);
  }

  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/**
 * The terms of a text: its words (see the module comment), stemmed, in order, repeats kept.
 *
 * @example
 * tokens('Bookkeeping for the Gemeenten'); // ['bookkeep', 'gemeent']
 * tokens('Café-ruimte, 40 m²'); // ['cafe', 'ruimt']
 */
export function tokens(text: string): string[] {
  return words(text).map(stem);
}

/**
 * A sparse bag of terms. `terms` is sorted (UTF-16 code-unit order) and has no repeats;
 * `counts[i]` is the weight of `terms[i]` in the item, and `words[i]` the first word of the
 * item that gave it (what a person would recognise, e.g. `bookkeeping` for `bookkeep`).
 */
export interface TermVector {
  readonly terms: readonly string[];
  readonly counts: readonly number[];
  readonly words: readonly string[];
}

/** What a term vector is built from: any offer or request has these fields. */
export interface TermSource {
  readonly title: string;
  readonly description: string;
  /** COFOG division codes, e.g. `07`. */
  readonly sectors: readonly string[];
}

/** The term that stands for a sector (COFOG division) code. */
export function sectorTerm(code: string): string {
  return `sector:${code}`;
}

/**
 * The term vector of an item: each title term counts 2, each description term 1, and each sector
 * code is a term of its own (`sector:07`, counted once), so that items on the same subject meet
 * even when their words differ.
 *
 * @example
 * termVector({ title: 'Bookkeeping', description: 'bookkeeping help', sectors: ['01'] });
 * // { terms: ['bookkeep', 'help', 'sector:01'], counts: [3, 1, 1],
 * //   words: ['bookkeeping', 'help', 'sector:01'] }
 */
export function termVector(source: TermSource): TermVector {
  const counts = new Map<string, { count: number; word: string }>();
  const add = (term: string, word: string, weight: number) => {
    const entry = counts.get(term);
    if (entry === undefined) counts.set(term, { count: weight, word });
    else entry.count += weight;
  };
  for (const word of words(source.title)) add(stem(word), word, 2);
  for (const word of words(source.description)) add(stem(word), word, 1);
  for (const code of new Set(source.sectors)) add(sectorTerm(code), sectorTerm(code), 1);

  const terms = [...counts.keys()].sort(compareCodeUnits);
  return {
    terms,
    counts: terms.map((t) => counts.get(t)!.count),
    words: terms.map((t) => counts.get(t)!.word),
  };
}

/** Code-unit order, the same in every engine and locale (unlike `localeCompare`). */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
