// @vitest-environment node
// VuePress pre-renders the chapters on the server: both figures must render there without a window,
// showing the frame's placeholder (their live parts, and tfjs, load only in the browser).
import { describe, expect, it } from 'vitest';
import { createSSRApp, h } from 'vue';
import { renderToString } from 'vue/server-renderer';
import LossExplorer from '../../../components/figures/LossExplorer.vue';
import TemperatureWeights from '../../../components/figures/TemperatureWeights.vue';

describe('figures on the server', () => {
  it.each([
    ['loss-explorer', LossExplorer],
    ['temperature-weights', TemperatureWeights],
  ])('%s renders its frame without a window', async (name, figure) => {
    expect(typeof window).toBe('undefined');
    const html = await renderToString(createSSRApp({ render: () => h(figure) }));
    expect(html).toContain(`data-demo="${name}"`);
    expect(html).toContain('data-state="loading"');
  });
});
