// @vitest-environment node
// VuePress pre-renders the chapters on the server: every figure must render there without a window,
// showing the frame's placeholder (their live parts, and tfjs, load only in the browser).
import { describe, expect, it } from 'vitest';
import { createSSRApp, h } from 'vue';
import { renderToString } from 'vue/server-renderer';
import BackendReport from '../../../components/figures/BackendReport.vue';
import DropoutTwice from '../../../components/figures/DropoutTwice.vue';
import LossExplorer from '../../../components/figures/LossExplorer.vue';
import MutualInfoBound from '../../../components/figures/MutualInfoBound.vue';
import NtXentBenchmark from '../../../components/figures/NtXentBenchmark.vue';
import TemperatureWeights from '../../../components/figures/TemperatureWeights.vue';

describe('figures on the server', () => {
  it.each([
    ['loss-explorer', LossExplorer],
    ['temperature-weights', TemperatureWeights],
    ['mutual-info-bound', MutualInfoBound],
    ['dropout-twice', DropoutTwice],
    ['ntxent-benchmark', NtXentBenchmark],
    ['backend-report', BackendReport],
  ])('%s renders its frame without a window', async (name, figure) => {
    expect(typeof window).toBe('undefined');
    const html = await renderToString(createSSRApp({ render: () => h(figure) }));
    expect(html).toContain(`data-demo="${name}"`);
    expect(html).toContain('data-state="loading"');
  });
});
