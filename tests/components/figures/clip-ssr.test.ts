// @vitest-environment node
// The CLIP chapter's trainer pre-renders on the server without a window, as its frame's placeholder.
import { describe, expect, it } from 'vitest';
import { createSSRApp, h } from 'vue';
import { renderToString } from 'vue/server-renderer';
import ClipTrainer from '../../../components/figures/ClipTrainer.vue';

describe('CLIP figures on the server', () => {
  it('the trainer renders its frame without a window', async () => {
    expect(typeof window).toBe('undefined');
    const html = await renderToString(createSSRApp({ render: () => h(ClipTrainer) }));
    expect(html).toContain('data-demo="clip-trainer"');
    expect(html).toContain('data-state="loading"');
  });
});
