// What one kind of live training figure is, seen from the training host (src/worker/host.ts, in a
// Web Worker or, as a fallback, on the main thread). Each module in src/worker/experiments/ exports
// one ExperimentDefinition<T>, where T (an ExperimentShape) names four plain types:
//
//   params  — the flat settings it is built and updated with (src/settings/*.ts: `SphereParams`…);
//   metrics — the numbers a snapshot reports (`{ alignment, uniformity, loss }` for the sphere);
//   arrays  — the Float32Arrays a snapshot reports (`{ points }`), fresh on every snapshot;
//   layout  — the Float32Arrays that change only on create, reset or rebuild (`{ groups, pairs }`).
//
// Everything an experiment returns is numbers and Float32Arrays, never tensors, so it crosses a
// postMessage boundary as it is (the arrays' buffers are transferred, not copied). The registry
// (src/worker/registry.ts) turns these shapes into the page's types: `ExperimentParams<'sphere'>`,
// `ExperimentMetrics<'sphere'>`…
import type { FlatParams } from './params';

/** Named Float32Arrays of a snapshot or layout; a missing name means "nothing to show". */
export type FloatArrays = Readonly<Partial<Record<string, Float32Array>>>;

/** The four types that describe one experiment (see the comment at the top of this file). */
export interface ExperimentShape {
  params: FlatParams;
  metrics: object;
  arrays: FloatArrays;
  layout: FloatArrays;
}

/** One reading of the training loss, as the core's Trainer reads it back. */
export interface LossReading {
  /** 1-based step the value belongs to. */
  step: number;
  loss: number;
}

/**
 * Takes `steps` steps of a core session and returns its loss readings (step and loss only) and the
 * milliseconds the steps took, on a monotonic clock (workers and Node have `performance`): a
 * trainer that plots against training time sums them, read-outs left out.
 */
export async function timedRun(
  session: { run(steps: number): Promise<readonly LossReading[]> },
  steps: number,
): Promise<{ readings: LossReading[]; ms: number }> {
  const start = performance.now();
  const readings = await session.run(steps);
  const ms = performance.now() - start;
  return { readings: readings.map(({ step, loss }) => ({ step, loss })), ms };
}

/** What an experiment shows at one moment: metrics of the current model and a few arrays. */
export interface Snapshot<T extends ExperimentShape = ExperimentShape> {
  /** Steps taken since creation or the last reset. */
  step: number;
  /** Scalars of the current state (e.g. alignment, uniformity). */
  metrics: T['metrics'];
  /** Arrays of the current state (e.g. the embedded points), freshly allocated. */
  arrays: T['arrays'];
}

/** A running experiment. Every method may be called between any two others, in any order. */
export interface Experiment<T extends ExperimentShape = ExperimentShape> {
  /** Takes `steps` optimisation steps and returns the loss readings that arrived meanwhile. */
  run(steps: number): Promise<LossReading[]>;
  /** Reads the current state back from the device. */
  snapshot(): Promise<Snapshot<T>>;
  /** Arrays that change only when the experiment is rebuilt or reset (colours, pair indices…). */
  layout(): T['layout'];
  /** Applies parameter changes that keep the model (temperature, learning rate, objective…). */
  update(params: T['params']): void;
  /** Starts over from `seed`: fresh data, weights and optimizer state. */
  reset(seed: number): void;
  /** Frees every tensor it owns. */
  dispose(): void;
}

/**
 * What `create` returns: the experiment, or a promise of it for one that first loads what it needs
 * (the SimCSE trainer fetches its pretrained encoder). The host awaits either.
 */
export type Created<T extends ExperimentShape = ExperimentShape> =
  Experiment<T> | Promise<Experiment<T>>;

/**
 * How the host builds and changes one kind of experiment; `C` is what `create` returns (the
 * experiment itself unless the definition says `Promise<Experiment<T>>`).
 */
export interface ExperimentDefinition<
  T extends ExperimentShape = ExperimentShape,
  C extends Created<T> = Experiment<T>,
> {
  /** Registry name, e.g. `sphere` (the key it has in src/worker/registry.ts). */
  readonly name: string;
  /**
   * Checks untrusted parameters (a message from the page) and throws a clear error: the
   * settings' `parse*Params`, the one range check between a slider and the experiment.
   */
  parse(input: unknown): T['params'];
  /** Parameters whose change needs a new model: the host rebuilds the experiment for them. */
  readonly rebuildOn: readonly (keyof T['params'] & string)[];
  /** Builds the experiment on the active tfjs backend; a rejection is the `create` command's. */
  create(params: T['params'], seed: number): C;
}

/**
 * Any experiment's definition, as the registry lists it and the host holds it: the host knows no
 * experiment's types, and needs none — it checks what arrives with `parse` and passes it on.
 */
export interface AnyExperimentDefinition {
  readonly name: string;
  parse(input: unknown): FlatParams;
  readonly rebuildOn: readonly string[];
  create(params: FlatParams, seed: number): Created;
}
