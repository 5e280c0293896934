// Headless SimCSE: the same core code the SimCSE chapter runs in the browser, on tfjs's WASM
// (default, several times faster here) or CPU backend in Node. Prints loss, Spearman and
// anisotropy every K steps, then a JSON summary.
//   npm run train:simcse -- --mode unsup|sup --steps N --seed S [--tau T] [--batch B] [--every K]
//     [--lr LR] [--dropout P] [--token-dropout Q] [--ablation none|same-mask|word-deletion] [--backend wasm|cpu]
import { parseArgs } from 'node:util';
import type { SimcseAblation, SimcseMode } from '../src/core/text/simcse';
import { numberFlag, resolveFolderImports } from './cli';

const USAGE =
  'usage: npm run train:simcse -- --mode unsup|sup --steps N --seed S [--tau T] [--batch B] ' +
  '[--every K] [--lr LR] [--dropout P] [--token-dropout Q] [--ablation none|same-mask|word-deletion] [--backend wasm|cpu]';

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
      'token-dropout': { type: 'string' },
      ablation: { type: 'string' },
      backend: { type: 'string', default: 'wasm' },
    },
  });
  if (values.backend !== 'cpu' && values.backend !== 'wasm') {
    throw new Error(`--backend must be wasm or cpu (got "${values.backend}").\n${USAGE}`);
  }
  resolveFolderImports(); // before tfjs is imported
  await import('@tensorflow/tfjs-backend-cpu');
  await import('@tensorflow/tfjs-backend-wasm');
  const { tf } = await import('../src/core/tf');
  const { runSimcse } = await import('../src/core/text/headless');
  const { defaultSimcseData } = await import('../src/data/sentences');
  if (!(await tf.setBackend(values.backend)))
    throw new Error(`backend ${values.backend} failed to start.`);
  await tf.ready();

  const fmt = (x: number | null) => (x === null ? '—' : x.toFixed(4));
  const summary = await runSimcse({
    data: defaultSimcseData(),
    mode: values.mode as SimcseMode,
    seed: numberFlag(values.seed, 'seed', USAGE),
    tau: numberFlag(values.tau, 'tau', USAGE),
    batchSize: numberFlag(values.batch, 'batch', USAGE),
    lr: numberFlag(values.lr, 'lr', USAGE),
    dropout: numberFlag(values.dropout, 'dropout', USAGE),
    tokenDropout: numberFlag(values['token-dropout'], 'token-dropout', USAGE),
    ablation: values.ablation as SimcseAblation | undefined,
    steps: numberFlag(values.steps, 'steps', USAGE)!,
    every: numberFlag(values.every, 'every', USAGE),
    onReport: (r) =>
      console.log(
        `step ${r.step} · loss ${fmt(r.loss)} · Spearman ${fmt(r.spearman)} · ` +
          `anisotropy ${fmt(r.anisotropy)} · ${r.msPerStep === null ? '—' : r.msPerStep.toFixed(1)} ms/step`,
      ),
  });
  console.log(JSON.stringify({ backend: tf.getBackend(), ...summary }, null, 2));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
