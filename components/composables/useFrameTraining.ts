import { watch } from 'vue';
import type { ExperimentName } from '../../src/worker/registry';
import { useDemoFrame } from './useDemoFrame';
import { useTfjs } from './useTfjs';
import {
  useTrainingWorker,
  type TrainingWorker,
  type TrainingWorkerOptions,
} from './useTrainingWorker';

/** The per-figure part of {@link TrainingWorkerOptions}; the frame supplies the rest. */
export type FrameTrainingOptions<N extends ExperimentName> = Pick<
  TrainingWorkerOptions<N>,
  'experiment' | 'params' | 'onResult' | 'onRestart'
> & { seed: () => number };

/**
 * A training figure's worker, wired to the DemoFrame it sits in: the frame's tfjs and visibility,
 * the reader's backend choice, errors to the frame's panel, play/pause to `data-state`, and a new
 * seed starting a new run. Call it from a component rendered inside DemoFrame's slot:
 *
 *   useFrameTraining({ experiment: 'sphere', params: () => withoutSeed(props.state),
 *     seed: () => props.state.seed, onResult: (r) => r.snapshot?.metrics.alignment, … })
 *
 * `params` must be that experiment's parameters and `onResult` receives its typed results.
 */
export function useFrameTraining<N extends ExperimentName>(
  options: FrameTrainingOptions<N>,
): TrainingWorker {
  const frame = useDemoFrame();
  const { state: tfjs } = useTfjs();
  const training = useTrainingWorker<N>({
    ...options,
    tf: frame.tf,
    requestedBackend: () => tfjs.requested,
    visible: frame.visible,
    onError: frame.fail,
  });
  watch(training.player.playing, (on) => frame.setActivity(on ? 'running' : 'paused'));
  watch(options.seed, () => void training.player.reset());
  return training;
}
