// @vitest-environment node
// The static diagrams pre-render on the server in full, without a window: the picture, its text
// alternative and its caption are in the page's HTML before any script runs.
import { describe, expect, it } from 'vitest';
import { createSSRApp, h } from 'vue';
import { renderToString } from 'vue/server-renderer';
import ClipLossDiagram from '../../../components/figures/ClipLossDiagram.vue';
import SimclrMatrixDiagram from '../../../components/figures/SimclrMatrixDiagram.vue';
import SimclrPipelineDiagram from '../../../components/figures/SimclrPipelineDiagram.vue';
import SimcseDropoutDiagram from '../../../components/figures/SimcseDropoutDiagram.vue';

describe('diagrams on the server', () => {
  it.each([
    ['simclr-pipeline-diagram', SimclrPipelineDiagram, 'The SimCLR pipeline'],
    ['simclr-matrix-diagram', SimclrMatrixDiagram, 'The 2N by 2N similarity matrix'],
    ['simcse-dropout-diagram', SimcseDropoutDiagram, 'Unsupervised SimCSE'],
    ['clip-loss-diagram', ClipLossDiagram, 'CLIP&#39;s loss for a batch of N pairs'],
  ])('%s renders in full', async (name, figure, label) => {
    expect(typeof window).toBe('undefined');
    const html = await renderToString(createSSRApp({ render: () => h(figure) }));
    expect(html).toContain(`data-figure="${name}"`);
    expect(html).toMatch(new RegExp(`<svg[^>]*role="img"[^>]*aria-label="${label}`));
    expect(html).toMatch(/<figcaption>/);
    expect(html).toMatch(/<marker id="[^"]+-plain"/);
  });
});
