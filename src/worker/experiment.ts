// The contract between the training host (in a Web Worker or, as a fallback, on the main thread)
// and one kind of live training figure. An experiment module builds its model and trainer from
// plain parameters and a seed, changes parameters between steps, and answers with small snapshots
// of plain numbers and Float32Arrays: never tensors, so everything it returns can cross a
// postMessage boundary.

/** One reading of the training loss, as the core's Trainer reads it back. */
export interface LossReading {
  /** 1-based step the value belongs to. */
  step: number;
  loss: number;
}

/** What an experiment shows at one moment: metrics of the current model and a few arrays. */
export interface Snapshot {
  /** Steps taken since creation or the last reset. */
  step: number;
  /** Named scalars of the current state (e.g. alignment, uniformity). */
  metrics: Record<string, number>;
  /** Named arrays of the current state (e.g. the embedded points), freshly allocated. */
  arrays: Record<string, Float32Array>;
}

/** A running experiment. Every method may be called between any two others, in any order. */
export interface Experiment<P> {
  /** Takes `steps` optimisation steps and returns the loss readings that arrived meanwhile. */
  run(steps: number): Promise<LossReading[]>;
  /** Reads the current state back from the device. */
  snapshot(): Promise<Snapshot>;
  /** Arrays that change only when the experiment is rebuilt or reset (colours, pair indices…). */
  layout(): Record<string, Float32Array>;
  /** Applies parameter changes that keep the model (temperature, learning rate, objective…). */
  update(params: P): void;
  /** Starts over from `seed`: fresh data, weights and optimizer state. */
  reset(seed: number): void;
  /** Frees every tensor it owns. */
  dispose(): void;
}

/** How the host builds and changes one kind of experiment. */
export interface ExperimentDefinition<P> {
  /** Registry name, e.g. `sphere`. */
  readonly name: string;
  /** Checks and completes untrusted parameters (from a message or a link); throws a clear error. */
  parse(params: unknown): P;
  /** Parameters whose change needs a new model: the host rebuilds the experiment for them. */
  readonly rebuildOn: readonly (keyof P)[];
  /** Builds the experiment on the active tfjs backend. */
  create(params: P, seed: number): Experiment<P>;
}
