/**
 * Canonical form of a sentence for duplicate and overlap checks: lower case, Unicode letters and
 * digits only, single spaces. "The cat's bowl!" and "the cats bowl" compare equal.
 */
export function normaliseSentence(sentence: string): string {
  return sentence
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
