// The training host: owns one experiment and answers the page's commands. The same class runs in
// the Web Worker (src/worker/training-worker.ts) and, when no worker can run, on the main thread, so
// both paths execute the same code and give the same numbers for the same seed and backend.
//
// The contract, in one read:
//   page → host  `create(name, params, seed)`, `setParams(params)`, `run(steps, snapshot)`,
//                `reset(seed)`, `dispose()`; `name` is an ExperimentName, `params` that
//                experiment's ExperimentParams<N> (a flat record of numbers, strings, booleans).
//   host checks  what arrives is untrusted (a message): the name against the registry, the params
//                with the definition's `parse` (the settings' parse*Params: the one range check),
//                the seed and step count as whole numbers. Nothing else on the way checks them.
//   host → page  a RunResult<N>: the step, loss readings, and when asked a Snapshot (metrics:
//                ExperimentMetrics<N>, arrays: ExperimentArrays<N>) plus, after create, reset or a
//                rebuild, the layout (ExperimentLayout<N>). Plain numbers and Float32Arrays only;
//                src/worker/protocol.ts transfers the arrays' buffers.
//   slices       `run` takes its steps in slices of about SLICE_BUDGET_MS (src/worker/slices.ts) and
//                calls `pause` before each slice and before the snapshot, so the thread it runs
//                on answers in between; `longestTaskMs` reports its longest stretch without a pause.
//   rebuilds     `setParams` rebuilds the model from the current seed when a key in the
//                definition's `rebuildOn` changed (step back to 0, new layout), else updates it.
import { tf } from '../core/tf';
import type { BackendName } from '../core/backend';
import type { AnyExperimentDefinition, Experiment, LossReading, Snapshot } from './experiment';
import { needsRebuild, type FlatParams } from './params';
import { nextTask, SliceBudget } from './slices';
import {
  EXPERIMENTS,
  isExperimentName,
  loadExperiment,
  type ExperimentLayout,
  type ExperimentName,
  type ExperimentParams,
  type ShapeOf,
} from './registry';

/** Which backend a host computes on, and why. */
export interface HostBackend {
  backend: BackendName;
  /** One sentence for the reader (e.g. why WebGL was not used in the worker). */
  reason: string;
  /** WebAssembly threads in use; null for other backends (see `BackendChoice`). */
  threads: number | null;
  /** Why WebAssembly runs on that many threads, as a clause; null for other backends. */
  threadsWhy: string | null;
}

/** What one `run` call sends back for experiment `N`. */
export interface RunResult<N extends ExperimentName = ExperimentName> {
  /** Steps taken since creation or the last reset, after this call. */
  step: number;
  /** Loss readings that arrived during the call, oldest first. */
  readings: LossReading[];
  /** The state after the steps, when it was asked for. */
  snapshot: Snapshot<ShapeOf<N>> | null;
  /** Set after create, reset and rebuilds: arrays that change only then (colours, pairs…). */
  layout: ExperimentLayout<N> | null;
  /** Live tensors in the host's tfjs after the call (the worker's own count in a worker). */
  tensors: number;
  /** Milliseconds the host spent on the call. */
  ms: number;
  /** The longest single slice or snapshot of the call, in milliseconds: the thread was busy that long. */
  longestTaskMs: number;
}

/**
 * The commands a host answers, as the page sees them for experiment `N`; every method is async so
 * it can sit behind a message port.
 */
export interface TrainingApi<N extends ExperimentName = ExperimentName> {
  /** Loads tfjs and picks a backend; call once, first. */
  init(requested: BackendName | null): Promise<HostBackend>;
  /** Replaces any current experiment with a new one of registry name `name`. */
  create(name: N, params: ExperimentParams<N>, seed: number): Promise<void>;
  /** Takes `steps` steps (0 is allowed) and optionally reads the state back. */
  run(steps: number, snapshot: boolean): Promise<RunResult<N>>;
  /**
   * Changes parameters from the next step on. Parameters in the definition's `rebuildOn` rebuild
   * the model from the current seed instead, which restarts training.
   *
   * @returns true when the experiment was rebuilt (step count back to 0, new layout)
   */
  setParams(params: ExperimentParams<N>): Promise<boolean>;
  /** Starts over from `seed` (fresh data, weights and optimizer state). */
  reset(seed: number): Promise<void>;
  /** Frees the experiment; the host can create another one afterwards. */
  dispose(): Promise<void>;
}

/** Picks and activates a backend for a host. */
export type BackendPreparer = (requested: BackendName | null) => Promise<HostBackend>;

/** Hands the thread back between slices; gets the latest milliseconds per step (0: unknown). */
export type SlicePause = (stepMs: number) => Promise<void>;

/** The experiment a host runs, with what it was built from. */
interface Current {
  definition: AnyExperimentDefinition;
  experiment: Experiment;
  params: FlatParams;
}

/** A training host over the registry; `prepare` chooses the backend (differs per thread). */
export class TrainingHost implements TrainingApi {
  private current: Current | null = null;
  private seed = 0;
  private layoutDue = false;
  private ready: HostBackend | null = null;
  private readonly budget = new SliceBudget();

  constructor(
    private readonly prepare: BackendPreparer,
    private readonly pause: SlicePause = nextTask,
  ) {}

  async init(requested: BackendName | null): Promise<HostBackend> {
    this.ready ??= await this.prepare(requested);
    return this.ready;
  }

  /** `name`, `params` and `seed` come from a message: all three are checked here. */
  async create(name: ExperimentName, params: unknown, seed: number): Promise<void> {
    if (!this.ready) throw new Error('Call init() before create().');
    if (!isExperimentName(name)) {
      throw new Error(
        `Unknown experiment "${String(name)}" (known: ${Object.keys(EXPERIMENTS).join(', ')}).`,
      );
    }
    const definition: AnyExperimentDefinition = await loadExperiment(name);
    const parsed = definition.parse(params);
    assertSeed(seed);
    await this.dispose();
    this.current = {
      definition,
      experiment: await definition.create(parsed, seed),
      params: parsed,
    };
    this.seed = seed;
    this.layoutDue = true;
  }

  async run(steps: number, snapshot: boolean): Promise<RunResult> {
    const { experiment } = this.live();
    if (!Number.isInteger(steps) || steps < 0) {
      throw new Error(`steps must be a whole number ≥ 0 (got ${String(steps)}).`);
    }
    const start = performance.now();
    let longestTaskMs = 0;
    /** Runs `work` after a pause, timing it as one task. */
    const slice = async <T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> => {
      await this.pause(this.budget.stepMs);
      const begun = performance.now();
      const value = await work();
      const ms = performance.now() - begun;
      longestTaskMs = Math.max(longestTaskMs, ms);
      return { value, ms };
    };
    const bySteps = new Map<number, LossReading>();
    for (let done = 0; done < steps;) {
      const count = this.budget.steps(steps - done);
      const { value, ms } = await slice(() => experiment.run(count));
      this.budget.record(count, ms);
      // An experiment that reads the loss at fixed steps may repeat the last one: keep the latest.
      for (const reading of value) bySteps.set(reading.step, reading);
      done += count;
    }
    const readings = [...bySteps.values()];
    const state = snapshot ? (await slice(() => experiment.snapshot())).value : null;
    const layout = this.layoutDue ? experiment.layout() : null;
    this.layoutDue = false;
    // The current experiment's snapshot and layout: of the shape of the name it was created with.
    return {
      step: state?.step ?? readings.at(-1)?.step ?? 0,
      readings,
      snapshot: state,
      layout,
      tensors: tf.memory().numTensors,
      ms: performance.now() - start,
      longestTaskMs,
    } as RunResult;
  }

  /** `params` come from a message: checked with the definition's `parse`. */
  async setParams(params: unknown): Promise<boolean> {
    const current = this.live();
    const parsed = current.definition.parse(params);
    const rebuild = needsRebuild(current.definition.rebuildOn, current.params, parsed);
    if (rebuild) {
      // A new shape: rebuild from the current seed, as a reset would.
      const rebuilt = await current.definition.create(parsed, this.seed);
      current.experiment.dispose();
      current.experiment = rebuilt;
      this.layoutDue = true;
    } else {
      current.experiment.update(parsed);
    }
    current.params = parsed;
    return rebuild;
  }

  async reset(seed: number): Promise<void> {
    const { experiment } = this.live();
    assertSeed(seed);
    experiment.reset(seed);
    this.seed = seed;
    this.layoutDue = true;
  }

  async dispose(): Promise<void> {
    this.current?.experiment.dispose();
    this.current = null;
  }

  private live(): Current {
    if (!this.current) throw new Error('No experiment: call create() first.');
    return this.current;
  }
}

function assertSeed(seed: number): void {
  if (!Number.isSafeInteger(seed) || seed < 0) {
    throw new Error(`seed must be a whole number ≥ 0 (got ${String(seed)}).`);
  }
}
