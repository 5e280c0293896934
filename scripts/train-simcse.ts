// Headless SimCSE: the same core code and the same pretrained checkpoint the SimCSE chapter runs
// in the browser, on tfjs's WASM (default, several times faster here) or CPU backend in Node.
// Prints loss, Spearman, anisotropy and topic agreement every K steps, then a JSON summary.
// `--pairs development` evaluates on the development pairs (for choosing settings) instead of
// the held-out pairs the figure reports.
//   npm run train:simcse -- --mode unsup|sup --steps N --seed S [--tau T] [--batch B] [--every K]
//     [--lr LR] [--dropout P] [--ablation none|same-mask|word-deletion] [--backend wasm|cpu]
//     [--pairs heldout|development] [--checkpoint FILE]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { SimcseAblation, SimcseMode } from '../src/core/text/simcse';
import { numberFlag, resolveFolderImports } from './cli';

const USAGE =
  'usage: npm run train:simcse -- --mode unsup|sup --steps N --seed S [--tau T] [--batch B] ' +
  '[--every K] [--lr LR] [--dropout P] [--ablation none|same-mask|word-deletion] [--backend wasm|cpu] ' +
  '[--pairs heldout|development] [--checkpoint FILE]';

/** The checkpoint the site ships. */
const CHECKPOINT = 'src/data/text-encoder/sentence-encoder.bin';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      mode: { type: 'string', default: 'unsup' },
      steps: { type: 'string', default: '300' },
      seed: { type: 'string', default: '0' },
      tau: { type: 'string' },
      batch: { type: 'string' },
      every: { type: 'string', default: '50' },
      lr: { type: 'string' },
      dropout: { type: 'string' },
      ablation: { type: 'string' },
      backend: { type: 'string', default: 'wasm' },
      pairs: { type: 'string', default: 'heldout' },
      checkpoint: { type: 'string', default: CHECKPOINT },
    },
  });
  if (values.pairs !== 'heldout' && values.pairs !== 'development') {
    throw new Error(`--pairs must be heldout or development (got "${values.pairs}").\n${USAGE}`);
  }
  if (values.backend !== 'cpu' && values.backend !== 'wasm') {
    throw new Error(`--backend must be wasm or cpu (got "${values.backend}").\n${USAGE}`);
  }
  resolveFolderImports(); // before tfjs is imported
  await import('@tensorflow/tfjs-backend-cpu');
  await import('@tensorflow/tfjs-backend-wasm');
  const { tf } = await import('../src/core/tf');
  const { runSimcse } = await import('../src/core/text/headless');
  const { decodeCheckpoint } = await import('../src/core/text/checkpoint');
  const { defaultSimcseData, developmentSimcseData } = await import('../src/data/sentences');
  const checkpoint = decodeCheckpoint(readFileSync(values.checkpoint!));
  if (!(await tf.setBackend(values.backend)))
    throw new Error(`backend ${values.backend} failed to start.`);
  await tf.ready();

  const fmt = (x: number | null) => (x === null ? '—' : x.toFixed(4));
  const summary = await runSimcse({
    data: values.pairs === 'heldout' ? defaultSimcseData() : developmentSimcseData(),
    checkpoint,
    mode: values.mode as SimcseMode,
    seed: numberFlag(values.seed, 'seed', USAGE),
    tau: numberFlag(values.tau, 'tau', USAGE),
    batchSize: numberFlag(values.batch, 'batch', USAGE),
    lr: numberFlag(values.lr, 'lr', USAGE),
    dropout: numberFlag(values.dropout, 'dropout', USAGE),
    ablation: values.ablation as SimcseAblation | undefined,
    steps: numberFlag(values.steps, 'steps', USAGE)!,
    every: numberFlag(values.every, 'every', USAGE),
    onReport: (r) =>
      console.log(
        `step ${r.step} · loss ${fmt(r.loss)} · Spearman ${fmt(r.spearman)} · ` +
          `anisotropy ${fmt(r.anisotropy)} · topic agreement ${fmt(r.topicAgreement)} · ${r.msPerStep === null ? '—' : r.msPerStep.toFixed(1)} ms/step`,
      ),
  });
  console.log(JSON.stringify({ backend: tf.getBackend(), ...summary }, null, 2));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
