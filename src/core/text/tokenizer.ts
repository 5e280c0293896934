// Word-level tokenisation for the sentence encoder. Deliberately simple and language-agnostic:
// the corpus is small English prose, but the reader may type anything (emoji, Arabic, Hebrew,
// 10,000 characters), and every input must come out as a valid, bounded token list.

/**
 * A word: letters, combining marks and digits of any script, optionally joined by apostrophes
 * ("king's", "don’t"); or a single pictographic emoji. Everything else (spaces, punctuation,
 * symbols) separates tokens and is dropped.
 */
const TOKEN = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*|\p{Extended_Pictographic}/gu;

/** Apostrophes inside a word are removed, so "king's" and "kings" are one token. */
const APOSTROPHES = /['’]/g;

/**
 * Splits text into lower-case word tokens.
 *
 * Rules: the text is NFKC-normalised (full-width and compatibility forms fold to their plain
 * letters) and lower-cased; a token is a maximal run of Unicode letters, combining marks and
 * digits (`\p{L}\p{M}\p{N}`), with inner apostrophes dropped; each pictographic emoji is a token
 * of its own; punctuation and other symbols are dropped, because in this corpus they carry almost
 * no meaning and would lengthen every sequence. Right-to-left scripts need no special handling:
 * tokens come out in logical (typed) order.
 *
 * @param text - any string, including the empty string.
 * @param maxTokens - stop after this many tokens (the rest of a long input is never scanned).
 * @returns the tokens in order; `[]` when the text has no letters, digits or emoji.
 */
export function tokenize(text: string, maxTokens = Number.POSITIVE_INFINITY): string[] {
  const tokens: string[] = [];
  if (maxTokens <= 0) return tokens;
  for (const match of text.normalize('NFKC').toLowerCase().matchAll(TOKEN)) {
    tokens.push(match[0].replace(APOSTROPHES, ''));
    if (tokens.length >= maxTokens) break;
  }
  return tokens;
}

/**
 * FNV-1a hash of a string's UTF-16 code units, as an unsigned 32-bit integer. Used to spread
 * out-of-vocabulary words over a few buckets deterministically (same word, same bucket, on every
 * machine).
 */
export function hashToken(token: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < token.length; i++) {
    hash ^= token.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
