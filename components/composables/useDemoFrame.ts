// The API a DemoFrame gives the figure inside it (see the top of components/DemoFrame.vue).
import { inject, type InjectionKey, type Ref } from 'vue';
import type { BackendName, Tfjs } from '../../src/core/backend';

/** The hooks a frame exposes on its root element as `data-state`. */
export type DemoState = 'loading' | 'ready' | 'running' | 'paused' | 'error';

/** What the figure inside is doing: `running` shows as `paused` while the frame is off screen. */
export type DemoActivity = 'idle' | 'running' | 'paused';

/** What a DemoFrame provides to the components in its slot. */
export interface DemoFrameContext {
  /** The TensorFlow.js namespace, `null` until the frame is ready (slot content never sees null). */
  tf: Readonly<Ref<Tfjs | null>>;
  /** The active backend, `null` until ready. */
  backend: Readonly<Ref<BackendName | null>>;
  /** Whether the frame is on screen now; stop animating while it is `false`. */
  visible: Readonly<Ref<boolean>>;
  /** The frame's `data-state`. */
  state: Readonly<Ref<DemoState>>;
  /** Reports what the figure is doing (drives `data-state`). */
  setActivity(activity: DemoActivity): void;
  /** Shows the error panel in place of the figure. */
  fail(error: unknown): void;
  /**
   * Runs async work and routes a rejection to the error panel instead of the console.
   *
   * @returns the work's result, or `undefined` if it failed
   */
  guard<T>(work: Promise<T> | (() => Promise<T>)): Promise<T | undefined>;
}

/** Injection key under which DemoFrame provides its {@link DemoFrameContext}. */
export const DEMO_FRAME: InjectionKey<DemoFrameContext> = Symbol('DemoFrame');

/** The frame context plus the tfjs namespace, non-null: what figure code calls. */
export interface ReadyDemoFrame extends Omit<DemoFrameContext, 'tf'> {
  tf: Tfjs;
}

/**
 * Gives a component inside a DemoFrame's slot the frame's API. The slot renders only once
 * TensorFlow.js is ready, so `tf` is always set here.
 *
 * @throws if called outside a DemoFrame slot
 */
export function useDemoFrame(): ReadyDemoFrame {
  const context = inject(DEMO_FRAME, null);
  const tf = context?.tf.value;
  if (!context || !tf) {
    throw new Error('useDemoFrame() must be called by a component inside a <DemoFrame> slot.');
  }
  return { ...context, tf };
}
