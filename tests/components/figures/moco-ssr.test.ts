// @vitest-environment node
// The MoCo chapter's figures pre-render on the server without a window: the trainer as its frame's
// placeholder, the queue diagram in full.
import { describe, expect, it } from 'vitest';
import { createSSRApp, h } from 'vue';
import { renderToString } from 'vue/server-renderer';
import MocoQueueDiagram from '../../../components/figures/MocoQueueDiagram.vue';
import MocoTrainer from '../../../components/figures/MocoTrainer.vue';

const render = (figure: object) => renderToString(createSSRApp({ render: () => h(figure) }));

describe('MoCo figures on the server', () => {
  it('the trainer renders its frame without a window', async () => {
    expect(typeof window).toBe('undefined');
    const html = await render(MocoTrainer);
    expect(html).toContain('data-demo="moco-trainer"');
    expect(html).toContain('data-state="loading"');
  });

  it('the queue diagram is a labelled picture with six blocks of keys, oldest to newest', async () => {
    const html = await render(MocoQueueDiagram);
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-label="One MoCo step/);
    expect(html.match(/<rect[^>]*class="diagram__positive"/g)).toHaveLength(6);
    expect(html.indexOf('>oldest<')).toBeLessThan(html.indexOf('>newest<'));
    expect(html).toMatch(/<figcaption[^>]*>(<!--\[-->)?\s*One MoCo step/);
  });
});
