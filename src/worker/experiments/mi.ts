// The mutual-information figure's experiment: a quadratic critic trained by gradient ascent on the
// InfoNCE bound at N (src/core/mi-session.ts CriticTraining), and the optimal critic's estimate at
// every N of the sweep, for the same ρ, d and seed. At N = 1024 in 8 dimensions one step takes the
// main thread most of a second on the CPU backends, and the sweep's small batches cost as much:
// both run here, in the training host.
import { CriticTraining, createSweep, MI_SWEEP_N } from '../../core/mi-session';
import type { Experiment, ExperimentDefinition, LossReading, Snapshot } from '../experiment';
import { parseMutualInfoParams, type MutualInfoParams } from '../../settings/mutual-info';

/** What a snapshot reports about the learned critic. */
export type MiMetrics = {
  /** Mean InfoNCE estimate of the last MI_RECENT batches, in nats (NaN before the first step). */
  estimate: number;
};

/** The figure's parameters, snapshot and layout (see ExperimentShape in ../experiment). */
export type MiShape = {
  params: MutualInfoParams;
  metrics: MiMetrics;
  /** `sweep`: the optimal critic's estimate at each N of MI_SWEEP_N, in that order, in nats. */
  arrays: { sweep: Float32Array };
  layout: Record<never, Float32Array>;
};

/** The optimal-critic sweep of ρ, d and `seed`: one estimate per N of {@link MI_SWEEP_N}. */
export async function optimalSweep(
  { rho, dim }: MutualInfoParams,
  seed: number,
): Promise<Float32Array> {
  const estimateAt = createSweep({ rho, dim }, seed);
  const sweep = new Float32Array(MI_SWEEP_N.length);
  // In order: every N draws from the one stream of the seed.
  for (const [i, n] of MI_SWEEP_N.entries()) sweep[i] = await estimateAt(n);
  return sweep;
}

class MiExperiment implements Experiment<MiShape> {
  private readonly params: MutualInfoParams;
  private readonly critic: CriticTraining;
  private seed: number;
  /** The sweep of the current ρ, d and seed; null until a snapshot computes it. */
  private sweep: Float32Array | null = null;

  constructor(params: MutualInfoParams, seed: number) {
    this.params = { ...params };
    this.seed = seed;
    this.critic = new CriticTraining({ ...params, seed });
  }

  /** One reading per step; its loss is the negative bound, the quantity the critic minimises. */
  async run(steps: number): Promise<LossReading[]> {
    for (let i = 0; i < steps; i++) this.critic.step();
    const readings = await this.critic.flush();
    return readings.map(({ step, estimate }) => ({ step, loss: -estimate }));
  }

  async snapshot(): Promise<Snapshot<MiShape>> {
    this.sweep ??= await optimalSweep(this.params, this.seed);
    return {
      step: this.critic.steps,
      metrics: { estimate: this.critic.estimate },
      arrays: { sweep: this.sweep.slice() },
    };
  }

  layout(): MiShape['layout'] {
    return {};
  }

  update(params: MutualInfoParams): void {
    if (params.rho !== this.params.rho) this.sweep = null;
    Object.assign(this.params, params);
    this.critic.setProblem(params.n, params.rho);
  }

  reset(seed: number): void {
    this.critic.reset(seed);
    this.seed = seed;
    this.sweep = null;
  }

  dispose(): void {
    this.critic.dispose();
  }
}

/** The mutual-information figure, as the training host's registry lists it. */
export const miExperiment: ExperimentDefinition<MiShape> = {
  name: 'mi',
  parse: parseMutualInfoParams,
  rebuildOn: ['dim'],
  create: (params, seed) => new MiExperiment(params, seed),
};
