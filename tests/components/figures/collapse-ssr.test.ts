// @vitest-environment node
// The collapse lab pre-renders on the server without a window, as its frame's placeholder.
import { describe, expect, it } from 'vitest';
import { createSSRApp, h } from 'vue';
import { renderToString } from 'vue/server-renderer';
import CollapseLab from '../../../components/figures/CollapseLab.vue';

describe('collapse lab on the server', () => {
  it('renders its frame without a window', async () => {
    expect(typeof window).toBe('undefined');
    const html = await renderToString(createSSRApp({ render: () => h(CollapseLab) }));
    expect(html).toContain('data-demo="collapse-lab"');
    expect(html).toContain('data-state="loading"');
  });
});
