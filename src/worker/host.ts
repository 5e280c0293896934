// The training host: owns one experiment and answers the page's commands. The same class runs in
// the Web Worker (src/worker/training-worker.ts) and, when no worker can run, on the main thread, so both
// paths execute the same code and give the same numbers for the same seed and backend.
import { tf } from '../core/tf';
import type { BackendName } from '../core/backend';
import type { Experiment, ExperimentDefinition, LossReading, Snapshot } from './experiment';
import { EXPERIMENTS, type ExperimentLoader } from './registry';

/** Which backend a host computes on, and why. */
export interface HostBackend {
  backend: BackendName;
  /** One sentence for the reader (e.g. why WebGL was not used in the worker). */
  reason: string;
}

/** What one `run` call sends back. */
export interface RunResult {
  /** Steps taken since creation or the last reset, after this call. */
  step: number;
  /** Loss readings that arrived during the call, oldest first. */
  readings: LossReading[];
  /** The state after the steps, when it was asked for. */
  snapshot: Snapshot | null;
  /** Set after create, reset and rebuilds: arrays that change only then (colours, pairs…). */
  layout: Record<string, Float32Array> | null;
  /** Live tensors in the host's tfjs after the call (the worker's own count in a worker). */
  tensors: number;
  /** Milliseconds the host spent on the call. */
  ms: number;
}

/** The commands a host answers; every method is async so it can sit behind a message port. */
export interface TrainingApi {
  /** Loads tfjs and picks a backend; call once, first. */
  init(requested: BackendName | null): Promise<HostBackend>;
  /** Replaces any current experiment with a new one of registry name `name`. */
  create(name: string, params: unknown, seed: number): Promise<void>;
  /** Takes `steps` steps (0 is allowed) and optionally reads the state back. */
  run(steps: number, snapshot: boolean): Promise<RunResult>;
  /**
   * Changes parameters from the next step on. Parameters in the definition's `rebuildOn` rebuild
   * the model from the current seed instead, which restarts training.
   *
   * @returns true when the experiment was rebuilt (step count back to 0, new layout)
   */
  setParams(params: unknown): Promise<boolean>;
  /** Starts over from `seed` (fresh data, weights and optimizer state). */
  reset(seed: number): Promise<void>;
  /** Frees the experiment; the host can create another one afterwards. */
  dispose(): Promise<void>;
}

/** Picks and activates a backend for a host. */
export type BackendPreparer = (requested: BackendName | null) => Promise<HostBackend>;

/** A training host over the registry; `prepare` chooses the backend (differs per thread). */
export class TrainingHost implements TrainingApi {
  private definition: ExperimentDefinition<unknown> | null = null;
  private experiment: Experiment<unknown> | null = null;
  private params: unknown = null;
  private seed = 0;
  private layoutDue = false;
  private ready: HostBackend | null = null;

  constructor(
    private readonly prepare: BackendPreparer,
    private readonly registry: Readonly<Record<string, ExperimentLoader>> = EXPERIMENTS,
  ) {}

  async init(requested: BackendName | null): Promise<HostBackend> {
    this.ready ??= await this.prepare(requested);
    return this.ready;
  }

  async create(name: string, params: unknown, seed: number): Promise<void> {
    this.assertReady();
    const load = Object.hasOwn(this.registry, name) ? this.registry[name] : undefined;
    if (!load) {
      throw new Error(
        `Unknown experiment "${name}" (known: ${Object.keys(this.registry).join(', ')}).`,
      );
    }
    const definition = await load();
    const parsed = definition.parse(params);
    assertSeed(seed);
    await this.dispose();
    this.experiment = definition.create(parsed, seed);
    this.definition = definition;
    this.params = parsed;
    this.seed = seed;
    this.layoutDue = true;
  }

  async run(steps: number, snapshot: boolean): Promise<RunResult> {
    const experiment = this.current();
    if (!Number.isInteger(steps) || steps < 0) {
      throw new Error(`steps must be a whole number ≥ 0 (got ${String(steps)}).`);
    }
    const start = performance.now();
    const readings = await experiment.run(steps);
    const state = snapshot ? await experiment.snapshot() : null;
    const layout = this.layoutDue ? experiment.layout() : null;
    this.layoutDue = false;
    return {
      step: state?.step ?? readings.at(-1)?.step ?? 0,
      readings,
      snapshot: state,
      layout,
      tensors: tf.memory().numTensors,
      ms: performance.now() - start,
    };
  }

  async setParams(params: unknown): Promise<boolean> {
    const experiment = this.current();
    const definition = this.definition as ExperimentDefinition<unknown>;
    const parsed = definition.parse(params);
    const before = this.params as Record<string, unknown>;
    const after = parsed as Record<string, unknown>;
    const rebuild = definition.rebuildOn.some(
      (key) => before[key as string] !== after[key as string],
    );
    if (rebuild) {
      // A new shape: rebuild from the current seed, as a reset would.
      const rebuilt = definition.create(parsed, this.seed);
      experiment.dispose();
      this.experiment = rebuilt;
      this.layoutDue = true;
    } else {
      experiment.update(parsed);
    }
    this.params = parsed;
    return rebuild;
  }

  async reset(seed: number): Promise<void> {
    const experiment = this.current();
    assertSeed(seed);
    experiment.reset(seed);
    this.seed = seed;
    this.layoutDue = true;
  }

  async dispose(): Promise<void> {
    this.experiment?.dispose();
    this.experiment = null;
    this.definition = null;
    this.params = null;
  }

  private assertReady(): void {
    if (!this.ready) throw new Error('Call init() before create().');
  }

  private current(): Experiment<unknown> {
    if (!this.experiment) throw new Error('No experiment: call create() first.');
    return this.experiment;
  }
}

function assertSeed(seed: number): void {
  if (!Number.isSafeInteger(seed) || seed < 0) {
    throw new Error(`seed must be a whole number ≥ 0 (got ${String(seed)}).`);
  }
}
