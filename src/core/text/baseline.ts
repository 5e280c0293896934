// The classic non-neural baseline for sentence similarity: TF-IDF-weighted bag of words. It sees
// only word overlap, so it is strong on pairs that share words and blind to paraphrases.
import type { EncodeFn } from './metrics';
import { tokenize } from './tokenizer';

/**
 * Builds a TF-IDF bag-of-words encoder. Inverse document frequencies are fitted on `documents`
 * with the smoothed formula idf(w) = ln((1 + N) / (1 + df(w))) + 1 (scikit-learn's default);
 * words never seen in `documents` get the idf of a word seen zero times. A sentence's vector is
 * its term counts times idf, over the words of the fitted documents plus the sentences being
 * encoded, so its cosine with another sentence is exactly the TF-IDF cosine.
 *
 * @param documents - the sentences that define word rarity (e.g. the training corpus).
 */
export function tfidfEncoder(documents: Iterable<string>): EncodeFn {
  const documentFrequency = new Map<string, number>();
  let total = 0;
  for (const document of documents) {
    total++;
    for (const word of new Set(tokenize(document))) {
      documentFrequency.set(word, (documentFrequency.get(word) ?? 0) + 1);
    }
  }
  const idf = (word: string) =>
    Math.log((1 + total) / (1 + (documentFrequency.get(word) ?? 0))) + 1;
  return (sentences) => {
    const tokenised = sentences.map((s) => tokenize(s));
    const columns = new Map<string, number>();
    for (const word of tokenised.flat()) if (!columns.has(word)) columns.set(word, columns.size);
    return tokenised.map((words) => {
      const row = new Float64Array(columns.size);
      for (const word of words) row[columns.get(word)!]! += idf(word);
      return row;
    });
  };
}
