// @vitest-environment node
// VuePress pre-renders every page on the server, where `window` does not exist: each shared piece
// must render there (and leave canvas and URL work to the browser).
import { describe, expect, it } from 'vitest';
import { createSSRApp, defineComponent, h } from 'vue';
import { renderToString } from 'vue/server-renderer';
import LineChart from '../../../components/ui/LineChart.vue';
import NoticeBar from '../../../components/ui/NoticeBar.vue';
import Player from '../../../components/ui/Player.vue';
import RangeSlider from '../../../components/ui/RangeSlider.vue';
import SphereView from '../../../components/ui/SphereView.vue';
import { usePlayer } from '../../../components/composables/usePlayer';
import { useUrlState } from '../../../components/composables/useUrlState';
import { defineUrlSchema } from '../../../src/settings/schema';
import { SeriesBuffer } from '../../../src/viz/line-chart';

const schema = defineUrlSchema({ tau: { type: 'number', min: 0.01, max: 10, default: 0.1 } });

const Figure = defineComponent({
  setup() {
    const { state, notices } = useUrlState('fig', schema);
    const player = usePlayer({ step: () => {} });
    const series = new SeriesBuffer('loss');
    series.push(0, 1);
    series.push(1, 0.5);
    return () => [
      h(NoticeBar, { notices: notices.value }),
      h(Player, { playing: player.playing.value }),
      h(RangeSlider, { modelValue: state.tau, label: 'τ', min: 0.01, max: 10, scale: 'log' }),
      h(LineChart, { series: [series], title: 'Loss' }),
      h(SphereView, { points: new Float32Array(12), label: 'Sphere' }),
    ];
  },
});

describe('server rendering', () => {
  it('renders every shared piece without a window', async () => {
    expect(typeof window).toBe('undefined');
    const html = await renderToString(createSSRApp(Figure));
    expect(html).toContain('role="status"');
    expect(html).toContain('aria-label="Play"');
    expect(html).toContain('type="range"');
    expect(html).toContain('aria-label="Loss. Latest: loss 0.5 at step 1."');
    expect(html).toContain('Sphere: 4 points on the sphere');
  });
});
