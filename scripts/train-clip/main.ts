// Headless CLIP: the same core session the CLIP chapter trains in the browser, on tfjs's CPU or
// WASM backend in Node. Prints the loss, the learned temperature, zero-shot accuracy on held-out
// pictures and on the held-out colour–class combinations, and recall@1 both ways every K steps,
// and a JSON summary at the end.
//   npm run train:clip -- --steps N --seed S [--batch B] [--lr LR] [--fixed-temperature]
//     [--every K] [--backend cpu|wasm] [--channels C1,C2,C3] [--readout flatten|average]
//     [--resolution R] [--width W]
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { parseArgs } from 'node:util';
import { createClipSession, type ClipEvaluation } from '../../src/core/clip-session';
import { tf } from '../../src/core/tf';
import { clipShapes } from '../../src/data/shapes/clip';
import { backendFlag, integerFlag, numberFlag } from '../cli';

const USAGE =
  'usage: npm run train:clip -- --steps N --seed S [--batch B] [--lr LR] [--fixed-temperature] ' +
  '[--every K] [--backend cpu|wasm] [--channels 16,32,32] [--readout flatten|average] ' +
  '[--resolution 16] [--width 32]';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      steps: { type: 'string', default: '1000' },
      seed: { type: 'string', default: '1' },
      batch: { type: 'string' },
      lr: { type: 'string' },
      'fixed-temperature': { type: 'boolean', default: false },
      every: { type: 'string', default: '100' },
      channels: { type: 'string' },
      readout: { type: 'string' },
      resolution: { type: 'string' },
      width: { type: 'string' },
      backend: { type: 'string', default: 'wasm' },
    },
  });
  const backend = backendFlag(values.backend, USAGE);
  const steps = integerFlag(values.steps, 'steps', 0, USAGE)!;
  const every = integerFlag(values.every, 'every', 1, USAGE)!;
  await tf.setBackend(backend);
  await tf.ready();
  const session = createClipSession({
    data: clipShapes(),
    seed: integerFlag(values.seed, 'seed', 0, USAGE),
    batchSize: integerFlag(values.batch, 'batch', 2, USAGE),
    lr: numberFlag(values.lr, 'lr', USAGE),
    learnTemperature: !values['fixed-temperature'],
    readEvery: every,
    resolution: integerFlag(values.resolution, 'resolution', 1, USAGE),
    cnn: {
      ...(values.channels ? { channels: values.channels.split(',').map(Number) } : {}),
      ...(values.readout === 'average' || values.readout === 'flatten'
        ? { readout: values.readout }
        : {}),
    },
    text: values.width ? { width: Number(values.width) } : {},
  });
  const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
  const start = await session.temperature();
  const initial = await session.evaluate();
  const line = (e: ClipEvaluation) =>
    `zero-shot ${pct(e.zeroShot.accuracy)} · unseen combinations ${pct(e.combos.accuracy)} · ` +
    `recall@1 image→text ${pct(e.imageToText.accuracy)}, text→image ${pct(e.textToImage.accuracy)}`;
  console.log(
    `backend ${tf.getBackend()} · step 0 · scale ${start.scale.toFixed(2)} · ${line(initial)}`,
  );
  console.log(
    `chance: zero-shot ${pct(initial.zeroShot.chance)} · combinations ${pct(initial.combos.chance)} · ` +
      `recall@1 ${pct(initial.imageToText.chance)}`,
  );
  const history: {
    step: number;
    loss: number;
    scale: number;
    diagonal: number;
    evaluation: ClipEvaluation;
    ms: number;
  }[] = [];
  let trainingMs = 0;
  for (let done = 0; done < steps;) {
    const chunk = Math.min(every, steps - done);
    const t0 = performance.now();
    await session.run(chunk);
    trainingMs += performance.now() - t0;
    done += chunk;
    const loss = session.latest?.step === done ? session.latest.loss : Number.NaN;
    const { scale } = await session.temperature();
    const evaluation = await session.evaluate();
    const { diagonalShare } = await session.display();
    history.push({ step: done, loss, scale, diagonal: diagonalShare, evaluation, ms: trainingMs });
    console.log(
      `step ${done} · loss ${loss.toFixed(4)} · scale ${scale.toFixed(2)} · diagonal ` +
        `${pct(diagonalShare)} · ${line(evaluation)} · ${(trainingMs / done).toFixed(1)} ms/step`,
    );
  }
  const summary = {
    params: session.params,
    seed: session.seed,
    backend: tf.getBackend(),
    steps,
    msPerStep: steps > 0 ? trainingMs / steps : null,
    initial: { scale: start.scale, evaluation: initial },
    final: history.at(-1) ?? null,
  };
  session.dispose();
  console.log(JSON.stringify(summary, null, 2));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
