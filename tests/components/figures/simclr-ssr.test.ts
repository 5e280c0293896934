// @vitest-environment node
// The SimCLR chapter's figures pre-render on the server without a window: the two live figures as
// their frame's placeholder, the samples grid in full (one row per class, canvases painted later).
import { describe, expect, it } from 'vitest';
import { createSSRApp, h } from 'vue';
import { renderToString } from 'vue/server-renderer';
import AugmentationStudio from '../../../components/figures/AugmentationStudio.vue';
import ShapesGallery from '../../../components/figures/ShapesGallery.vue';
import SimclrTrainer from '../../../components/figures/SimclrTrainer.vue';
import { SHAPE_CLASSES } from '../../../src/data/shapes/classes';

const render = (figure: object) => renderToString(createSSRApp({ render: () => h(figure) }));

describe('SimCLR figures on the server', () => {
  it.each([
    ['augmentation-studio', AugmentationStudio],
    ['simclr-trainer', SimclrTrainer],
  ])('%s renders its frame without a window', async (name, figure) => {
    expect(typeof window).toBe('undefined');
    const html = await render(figure);
    expect(html).toContain(`data-demo="${name}"`);
    expect(html).toContain('data-state="loading"');
  });

  it('the samples grid has a row of eight pictures per class', async () => {
    const html = await render(ShapesGallery);
    for (const c of SHAPE_CLASSES)
      expect(html).toMatch(new RegExp(`<th scope="row"[^>]*>${c.name}</th>`));
    expect(html.match(/<canvas/g)).toHaveLength(8 * SHAPE_CLASSES.length);
  });
});
