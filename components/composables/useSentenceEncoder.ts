// The pretrained sentence encoder as a figure waits for it: loading, ready (with the decoded
// checkpoint) or failed (with the reason), and a retry. The download starts when the component
// that calls this mounts, which for a live part is once its frame nears the screen — never on
// first paint. The checkpoint is shared by every figure on the page (src/worker/sentence-encoder.ts).
import { getCurrentScope, onScopeDispose, readonly, ref, shallowRef, type Ref } from 'vue';
import type { EncoderCheckpoint } from '../../src/core/text/checkpoint';
import { loadSentenceEncoder } from '../../src/worker/sentence-encoder';

/** Where the download stands. */
export type SentenceEncoderStatus = 'loading' | 'ready' | 'error';

/** What {@link useSentenceEncoder} returns. */
export interface SentenceEncoderState {
  status: Readonly<Ref<SentenceEncoderStatus>>;
  /** The decoded checkpoint once `status` is `ready`. */
  checkpoint: Readonly<Ref<EncoderCheckpoint | null>>;
  /** Why it failed, in a sentence for the reader, while `status` is `error`. */
  error: Readonly<Ref<string | null>>;
  /** Downloads again after a failure. */
  retry(): void;
}

/** Starts loading the pretrained encoder; see the top of the file. */
export function useSentenceEncoder(): SentenceEncoderState {
  const status = ref<SentenceEncoderStatus>('loading');
  const checkpoint = shallowRef<EncoderCheckpoint | null>(null);
  const error = ref<string | null>(null);
  let disposed = false;

  async function load(): Promise<void> {
    status.value = 'loading';
    error.value = null;
    try {
      const loaded = await loadSentenceEncoder();
      if (disposed) return;
      checkpoint.value = loaded;
      status.value = 'ready';
    } catch (reason) {
      if (disposed) return;
      error.value = reason instanceof Error ? reason.message : String(reason);
      status.value = 'error';
      console.warn('[sentence encoder]', reason);
    }
  }

  if (getCurrentScope()) onScopeDispose(() => (disposed = true));
  void load();
  return {
    status: readonly(status),
    checkpoint: readonly(checkpoint) as Readonly<Ref<EncoderCheckpoint | null>>,
    error: readonly(error),
    retry: () => void load(),
  };
}
