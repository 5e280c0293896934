// The pretraining script's development read-out of an encoder: Spearman's ρ on the development
// STS pairs, the corpus's own topic agreement (each sentence's 5 nearest other corpus sentences)
// and anisotropy. Never the held-out pairs: those are for reporting, not for choosing.
import { spearman } from '../../src/core/spearman';
import type { SimcseData } from '../../src/core/text/data';
import type { SentenceEncoder } from '../../src/core/text/encoder';
import { cosine, topicAgreement } from '../../src/core/text/metrics';
import type { Vocabulary } from '../../src/core/text/vocabulary';

/** One line: development ρ, corpus topic agreement, anisotropy. */
export async function developmentReadout(
  encoder: SentenceEncoder,
  vocabulary: Vocabulary,
  data: SimcseData,
): Promise<string> {
  const embed = async (texts: string[]): Promise<number[][]> => {
    const rows = encoder.encode(vocabulary.encodeBatch(texts));
    const values = (await rows.array()) as number[][];
    rows.dispose();
    return values;
  };
  const { pairs, corpus } = data;
  const sides = await embed([...pairs.map((p) => p.a), ...pairs.map((p) => p.b)]);
  const rho = spearman(
    pairs.map((_, i) => cosine(sides[i]!, sides[pairs.length + i]!)),
    pairs.map((p) => p.score),
  );
  const vectors = await embed(corpus.map((s) => s.text));
  const n = vectors.length;
  const cosines = new Float32Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++)
      cosines[i * n + j] = i === j ? -2 : cosine(vectors[i]!, vectors[j]!);
  }
  const topics = corpus.map((s) => s.topic);
  const topic = topicAgreement(cosines, topics, topics, 5);
  // Anisotropy: the mean cosine over every pair of distinct corpus sentences.
  let sum = 0;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) sum += cosines[i * n + j]!;
  const anisotropy = sum / ((n * (n - 1)) / 2);
  return `development ρ ${rho.toFixed(3)} · corpus topic agreement ${topic.toFixed(3)} · anisotropy ${anisotropy.toFixed(3)}`;
}
