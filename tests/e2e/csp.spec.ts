// The Content-Security-Policy as a host sends it: every page of the sitemap served with the header
// from dist/_headers (and Astro's meta policy), with no violation, no 'unsafe-inline', and its
// scripts running (the theme before paint, the islands). Other suites are covered by the report log
// the global teardown checks; this one also listens in the page, so a violation names its test.
import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { sitemapPaths } from './support';

async function listenForViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sample})`),
    );
  });
}

const violations = (page: Page) => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);

test('the headers file carries a strict policy and the other security headers', () => {
  const file = readFileSync('dist/_headers', 'utf8');
  const policy = /Content-Security-Policy: (.+)/.exec(file)?.[1] ?? '';
  expect(policy).toContain("default-src 'self'");
  expect(policy).toContain("object-src 'none'");
  expect(policy).toContain("base-uri 'none'");
  expect(policy).toMatch(/frame-ancestors \S+/);
  expect(policy).toMatch(/script-src 'self'[^;]* 'sha256-/);
  // 'unsafe-inline' nowhere but for style attributes (style-src-attr): no inline script, no <style>.
  const directives = Object.fromEntries(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...v]) => [name, v]));
  for (const [name, sources] of Object.entries(directives)) {
    if (name !== 'style-src-attr') expect(sources, name).not.toContain("'unsafe-inline'");
  }
  expect(policy).not.toMatch(/'unsafe-eval'/);
  for (const header of ['Referrer-Policy: no-referrer', 'X-Content-Type-Options: nosniff', 'Permissions-Policy: camera=()']) {
    expect(file).toContain(header);
  }
});

for (const path of sitemapPaths()) {
  test(`${path} runs under the policy header with no violation`, async ({ page }) => {
    await listenForViolations(page);
    const consoleCsp: string[] = [];
    page.on('console', (m) => {
      if (/Content[- ]Security[- ]Policy/i.test(m.text())) consoleCsp.push(m.text());
    });
    const response = await page.goto(path);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    // Islands hydrate when visible: bring each shown one into view so its code runs under the policy
    // too (an island inside the depth the reader is not reading stays hidden, and asleep).
    await page.evaluate(async () => {
      for (let y = 0; y < document.body.scrollHeight; y += innerHeight / 2) {
        scrollTo(0, y);
        await new Promise((resolve) => setTimeout(resolve, 30));
      }
    });
    await page.waitForLoadState('networkidle');
    expect(await violations(page)).toEqual([]);
    expect(consoleCsp).toEqual([]);
  });
}

test('the listener does see a violation (an injected inline script is blocked)', async ({ page }) => {
  await listenForViolations(page);
  await page.goto('/');
  const ran = await page.evaluate(async () => {
    const script = document.createElement('script');
    // The marker tells the global teardown that this one violation is meant (csp-teardown.ts).
    script.textContent = '/*csp-negative-control*/ window.__injected = true';
    document.head.append(script);
    await new Promise((r) => setTimeout(r, 100));
    return (window as unknown as { __injected?: boolean }).__injected === true;
  });
  expect(ran).toBe(false);
  await expect.poll(() => violations(page)).toHaveLength(2); // the header's policy and the meta policy
});

test('the stored theme still applies before first paint under the policy', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('ketamine-course:theme', 'dark'));
  await page.goto('/glossary/');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});
