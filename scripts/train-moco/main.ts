// Headless MoCo: the same core session the MoCo chapter trains in the browser, on tfjs's CPU or
// WASM backend in Node. Prints loss, k-NN accuracy, the key encoder's lag and the queue's age
// every K steps, and a JSON summary at the end.
//   npm run train:moco -- --steps N --seed S [--batch B] [--queue K] [--momentum M] [--tau T]
//     [--lr LR] [--optimizer adam|sgd|sgd-momentum] [--every K] [--backend cpu|wasm]
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { parseArgs } from 'node:util';
import { createMocoSession } from '../../src/core/moco';
import { tf } from '../../src/core/tf';
import type { OptimizerName } from '../../src/core/trainer';
import { mocoShapes } from '../../src/data/shapes/moco';
import { backendFlag, integerFlag, numberFlag } from '../cli';

const USAGE =
  'usage: npm run train:moco -- --steps N --seed S [--batch B] [--queue K] [--momentum M] ' +
  '[--tau T] [--lr LR] [--optimizer adam|sgd|sgd-momentum] [--every K] [--backend cpu|wasm]';

const OPTIMIZERS: readonly OptimizerName[] = ['adam', 'sgd', 'sgd-momentum'];

function optimizerFlag(value: string | undefined): OptimizerName | undefined {
  if (value === undefined) return undefined;
  if (!(OPTIMIZERS as readonly string[]).includes(value)) {
    throw new Error(`--optimizer must be one of ${OPTIMIZERS.join(', ')} (got ${value})\n${USAGE}`);
  }
  return value as OptimizerName;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      steps: { type: 'string', default: '300' },
      seed: { type: 'string', default: '0' },
      batch: { type: 'string' },
      queue: { type: 'string' },
      momentum: { type: 'string' },
      tau: { type: 'string' },
      lr: { type: 'string' },
      optimizer: { type: 'string' },
      warmup: { type: 'string' },
      every: { type: 'string', default: '100' },
      backend: { type: 'string', default: 'wasm' },
    },
  });
  const backend = backendFlag(values.backend, USAGE);
  const steps = integerFlag(values.steps, 'steps', 0, USAGE)!;
  const every = integerFlag(values.every, 'every', 1, USAGE)!;
  await tf.setBackend(backend);
  await tf.ready();
  const session = createMocoSession({
    data: mocoShapes(),
    seed: integerFlag(values.seed, 'seed', 0, USAGE),
    batchSize: integerFlag(values.batch, 'batch', 2, USAGE),
    queueSize: integerFlag(values.queue, 'queue', 0, USAGE),
    momentum: numberFlag(values.momentum, 'momentum', USAGE),
    tau: numberFlag(values.tau, 'tau', USAGE),
    lr: numberFlag(values.lr, 'lr', USAGE),
    optimizer: optimizerFlag(values.optimizer),
    warmupSteps: integerFlag(values.warmup, 'warmup', 0, USAGE),
    readEvery: every,
  });
  const baseline = await session.baseline();
  const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
  console.log(`backend ${tf.getBackend()} · random-init k-NN ${pct(baseline.knn)}`);
  const history: { step: number; loss: number; knn: number; lag: number; ms: number }[] = [];
  let trainingMs = 0;
  for (let done = 0; done < steps;) {
    const chunk = Math.min(every, steps - done);
    const start = performance.now();
    await session.run(chunk);
    trainingMs += performance.now() - start;
    done += chunk;
    const loss = session.latest?.step === done ? session.latest.loss : Number.NaN;
    const { knn } = await session.evaluate();
    const lag = await session.lag();
    const ages = session.queueAges();
    history.push({ step: done, loss, knn, lag: lag.representation, ms: trainingMs });
    console.log(
      `step ${done} · loss ${loss.toFixed(4)} · k-NN ${pct(knn)} · lag ` +
        `${lag.representation.toFixed(4)} (weights ${lag.parameters.toFixed(4)}) · oldest key ` +
        `${ages.oldest} steps · ${(trainingMs / done).toFixed(1)} ms/step`,
    );
  }
  const summary = {
    params: { ...session.params, augment: undefined, optimizer: values.optimizer ?? 'adam' },
    seed: session.seed,
    backend: tf.getBackend(),
    steps,
    msPerStep: steps > 0 ? trainingMs / steps : null,
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
