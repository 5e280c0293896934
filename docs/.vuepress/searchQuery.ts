/**
 * Splits a search query into words, as the search plugin's default splitter does (word
 * boundaries from `Intl.Segmenter`, or white space in a browser without it), except that a blank
 * query is answered at once. The plugin splits the empty query on every page load, and building
 * the first `Intl.Segmenter` costs tens of milliseconds of main-thread time on a phone, long before
 * the reader types anything.
 *
 * @param query what the reader typed
 * @param lang the page language, e.g. `en-US`
 * @returns the words, without white space or empty entries
 */
export async function splitQuery(query: string, lang: string): Promise<string[]> {
  if (!query.trim()) return [];
  if (typeof Intl.Segmenter !== 'function') return query.split(/\s+/).filter(Boolean);
  return [...new Intl.Segmenter(lang, { granularity: 'word' }).segment(query)]
    .map(({ segment }) => segment)
    .filter((segment) => segment.trim());
}
