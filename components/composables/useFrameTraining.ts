import { watch } from 'vue';
import { useDemoFrame } from './useDemoFrame';
import { useTfjs } from './useTfjs';
import {
  useTrainingWorker,
  type TrainingWorker,
  type TrainingWorkerOptions,
} from './useTrainingWorker';

/** The per-figure part of {@link TrainingWorkerOptions}; the frame supplies the rest. */
export type FrameTrainingOptions = Pick<
  TrainingWorkerOptions,
  'experiment' | 'params' | 'onResult' | 'onRestart'
> & { seed: () => number };

/**
 * A training figure's worker, wired to the DemoFrame it sits in: the frame's tfjs and visibility,
 * the reader's backend choice, errors to the frame's panel, play/pause to `data-state`, and a new
 * seed starting a new run. Call it from a component rendered inside DemoFrame's slot.
 */
export function useFrameTraining(options: FrameTrainingOptions): TrainingWorker {
  const frame = useDemoFrame();
  const { state: tfjs } = useTfjs();
  const training = useTrainingWorker({
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
