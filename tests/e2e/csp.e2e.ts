// The Content-Security-Policy every page carries in a meta tag (and the server as a header): no page
// or figure breaks it, and each figure runs on the backend it would pick without the policy.
import type { BrowserContext } from '@playwright/test';
import { settledFigure } from './figures';
import { SITE_PAGES, expect, test, type E2eFixtures } from './fixtures';

const POLICY_META = /<meta http-equiv="Content-Security-Policy"[^>]*>/i;

/** What a page's visit found: its meta tag's policy, each figure's backend, the violations. */
interface Visit {
  policy: string | null;
  backends: Record<string, string>;
  violations: string[];
}

/** Records every `securitypolicyviolation` of the context's pages in `window.__cspViolations`. */
async function recordViolations(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(
        `${event.effectiveDirective} blocked ${event.blockedURI || 'inline code'} ` +
          `(${event.sourceFile}:${event.lineNumber})`,
      ),
    );
  });
}

/** Opens every page in the context `contextFor` gives it, brings each figure into view until it has loaded. */
async function visitAll(
  open: E2eFixtures['open'],
  contextFor: () => Promise<BrowserContext>,
): Promise<Record<string, Visit>> {
  const visits: Record<string, Visit> = {};
  for (const path of SITE_PAGES) {
    const { page } = await open(path, await contextFor());
    const policy = await page.evaluate(
      () =>
        document
          .querySelector('meta[http-equiv="Content-Security-Policy"]')
          ?.getAttribute('content') ?? null,
    );
    const names = await page
      .locator('[data-demo]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-demo') ?? '?'));
    const backends: Record<string, string> = {};
    for (const name of names) {
      const { state, backend } = await settledFigure(page, name);
      expect(state !== 'error', `${path || 'Home'}: ${name} is in error`);
      backends[name] = backend;
    }
    const violations = await page.evaluate(
      () => (window as unknown as { __cspViolations: string[] }).__cspViolations,
    );
    visits[path || 'Home'] = { policy, backends, violations };
    await page.close();
  }
  return visits;
}

test('every page ships a policy that none of its figures violates, on the backends they pick without it', async ({
  baseUrl,
  open,
  newContext,
  note,
}) => {
  test.setTimeout(600_000);
  const withPolicy = await newContext();
  await recordViolations(withPolicy);
  const shipped = await visitAll(open, async () => withPolicy);

  // The same pages with the meta tag cut out, each in a fresh context: a page that a service
  // worker serves bypasses the route.
  const plain = await visitAll(open, async () => {
    const context = await newContext();
    await recordViolations(context);
    await context.route('**/*', async (route) => {
      if (route.request().resourceType() !== 'document') return route.fallback();
      const response = await route.fetch();
      const headers = { ...response.headers() };
      delete headers['content-encoding'];
      delete headers['content-length'];
      delete headers['content-security-policy'];
      const body = (await response.text()).replace(POLICY_META, '');
      return route.fulfill({ response, headers, body });
    });
    return context;
  });

  const problems: string[] = [];
  for (const [page, visit] of Object.entries(shipped)) {
    if (visit.policy === null) problems.push(`${page} has no Content-Security-Policy meta tag`);
    if (plain[page].policy !== null)
      problems.push(`${page}: the policy was not removed for the comparison`);
    for (const violation of visit.violations)
      problems.push(`${page} violates its policy: ${violation}`);
    for (const [figure, backend] of Object.entries(visit.backends)) {
      const without = plain[page].backends[figure];
      if (backend !== without) {
        problems.push(
          `${page}: ${figure} runs on ${backend || 'no backend'} under the policy, on ` +
            `${without || 'no backend'} without it`,
        );
      }
    }
    note(`${page}: ${JSON.stringify(visit.backends)}`);
  }
  const header = (await (await newContext()).request.get(baseUrl)).headers()[
    'content-security-policy'
  ];
  if (header !== shipped.Home.policy) {
    problems.push(`the server sends the policy ${header}, the pages carry ${shipped.Home.policy}`);
  }
  expect(problems.length === 0, problems.join('\n'));
});
