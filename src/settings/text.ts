// The reader's typed text, cut to a length a figure can encode at typing speed.

/** The reader's text as a figure encodes it. */
export interface CappedText {
  /** At most the limit's characters, never ending in half a surrogate pair. */
  text: string;
  /** Characters typed (UTF-16 code units, as `maxlength` counts them). */
  typed: number;
  /** Whether characters were left out. */
  truncated: boolean;
}

/** Cuts `text` to `limit` UTF-16 units without splitting an emoji's surrogate pair. */
export function capText(text: string, limit: number): CappedText {
  if (text.length <= limit) return { text, typed: text.length, truncated: false };
  let end = limit;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1; // a high surrogate whose partner is cut off
  return { text: text.slice(0, end), typed: text.length, truncated: true };
}

/**
 * The `query` field of untrusted trainer parameters (a worker message): a string of at most
 * `limit` characters. A problem is pushed onto `problems` otherwise, and '' returned.
 */
export function checkQueryField(input: unknown, limit: number, problems: string[]): string {
  const query =
    typeof input === 'object' && input !== null ? (input as { query?: unknown }).query : '';
  if (typeof query !== 'string') {
    problems.push('"query" must be a string.');
    return '';
  }
  if (query.length > limit) problems.push(`"query" is longer than ${limit} characters.`);
  return query;
}
