// Headless SimCLR: the same core session the SimCLR chapter trains in the browser, on tfjs's CPU or
// WASM backend in Node. Prints loss and k-NN accuracy every K steps and a JSON summary at the end.
//   npm run train:simclr -- --steps N --seed S [--tau T] [--batch B] [--every K] [--lr LR]
//     [--no-crop] [--no-color] [--strength S] [--crop-area A] [--readout average|flatten] [--probe] [--backend cpu|wasm]
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { parseArgs } from 'node:util';
import { SIMCLR_DEFAULTS, createSimclrSession } from '../../src/core/simclr';
import { tf } from '../../src/core/tf';
import { simclrShapes } from '../../src/data/shapes/simclr';
import { backendFlag, integerFlag, numberFlag } from '../cli';

const USAGE =
  'usage: npm run train:simclr -- --steps N --seed S [--tau T] [--batch B] [--every K] ' +
  '[--lr LR] [--no-crop] [--no-color] [--strength S] [--crop-area A] [--readout average|flatten] [--probe] [--backend cpu|wasm]';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      steps: { type: 'string', default: '300' },
      seed: { type: 'string', default: '0' },
      tau: { type: 'string' },
      batch: { type: 'string' },
      every: { type: 'string', default: '50' },
      lr: { type: 'string' },
      strength: { type: 'string' },
      'crop-area': { type: 'string' },
      readout: { type: 'string', default: 'average' },
      'no-crop': { type: 'boolean', default: false },
      'no-color': { type: 'boolean', default: false },
      probe: { type: 'boolean', default: false },
      backend: { type: 'string', default: 'wasm' },
    },
  });
  const backend = backendFlag(values.backend, USAGE);
  if (values.readout !== 'average' && values.readout !== 'flatten') {
    throw new Error(`--readout must be average or flatten (got "${values.readout}").\n${USAGE}`);
  }
  const steps = integerFlag(values.steps, 'steps', 0, USAGE)!;
  const every = integerFlag(values.every, 'every', 1, USAGE)!;
  const strength = numberFlag(values.strength, 'strength', USAGE);
  const minCropArea = numberFlag(values['crop-area'], 'crop-area', USAGE);
  await tf.setBackend(backend);
  await tf.ready();

  const augment = {
    ...SIMCLR_DEFAULTS.augment,
    ...(values['no-crop'] ? { crop: false } : {}),
    ...(values['no-color'] ? { colorJitter: false } : {}),
    ...(strength !== undefined ? { strength } : {}),
    ...(minCropArea !== undefined ? { minCropArea } : {}),
  };
  const session = createSimclrSession({
    data: simclrShapes(),
    seed: integerFlag(values.seed, 'seed', 0, USAGE),
    tau: numberFlag(values.tau, 'tau', USAGE),
    batchSize: integerFlag(values.batch, 'batch', 2, USAGE),
    lr: numberFlag(values.lr, 'lr', USAGE),
    augment,
    readEvery: every,
    cnn: { readout: values.readout },
  });
  const probe = values.probe;
  const baseline = await session.baseline({ probe });
  const pct = (x: number | null) => (x === null ? '–' : `${(100 * x).toFixed(1)} %`);
  console.log(
    `backend ${tf.getBackend()} · ${session.model.representationSize}-d representation · ` +
      `random-init k-NN ${pct(baseline.knn)}${probe ? ` · probe ${pct(baseline.probe)}` : ''}`,
  );
  const history: { step: number; loss: number; knn: number; probe: number | null }[] = [];
  let trainingMs = 0;
  for (let done = 0; done < steps;) {
    const chunk = Math.min(every, steps - done);
    const start = performance.now();
    await session.run(chunk);
    trainingMs += performance.now() - start;
    done += chunk;
    const loss = session.latest?.step === done ? session.latest.loss : Number.NaN;
    const metrics = await session.evaluate({ probe });
    history.push({ step: done, loss, ...metrics });
    console.log(
      `step ${done} · loss ${loss.toFixed(4)} · k-NN ${pct(metrics.knn)}` +
        `${probe ? ` · probe ${pct(metrics.probe)}` : ''} · ` +
        `${(trainingMs / done).toFixed(1)} ms/step`,
    );
  }
  const summary = {
    params: session.params,
    seed: session.seed,
    backend: tf.getBackend(),
    steps,
    msPerStep: steps > 0 ? trainingMs / steps : null,
    stepsPerSecond: steps > 0 ? (1000 * steps) / trainingMs : null,
    baseline,
    final: history.at(-1) ?? null,
    history,
  };
  session.dispose();
  console.log(JSON.stringify(summary, null, 2));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
