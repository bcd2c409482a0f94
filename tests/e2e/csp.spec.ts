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
  // 'unsafe-inline' nowhere: no inline script, no <style> element, no style attribute but by hash.
  expect(policy).not.toContain("'unsafe-inline'");
  expect(policy).not.toContain("'unsafe-hashes'");
  for (const meta of [readFileSync('dist/index.html', 'utf8'), readFileSync('dist/lessons/how-ketamine-works/index.html', 'utf8')]) {
    expect(/http-equiv="content-security-policy" content="([^"]+)"/i.exec(meta)?.[1]).not.toMatch(/'unsafe-(inline|hashes)'/);
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

test('the listener does see a blocked style attribute, and a style set through the CSSOM applies', async ({ page }) => {
  await listenForViolations(page);
  await page.goto('/');
  const [fromMarkup, fromScript, cloned] = await page.evaluate(() => {
    const holder = document.createElement('div');
    // The marker, first in the attribute, is in the report's sample (csp-teardown.ts expects it).
    holder.innerHTML = '<p style="--csp-negative-control: 1; margin-left: 77px">x</p><p>y</p>';
    document.body.append(holder);
    (holder.lastElementChild as HTMLElement).style.setProperty('margin-left', '55px');
    // The presenter's preview clones slides whose --fit was set this way: a clone keeps the style.
    holder.append(holder.lastElementChild!.cloneNode(true));
    return [...holder.children].map((p) => getComputedStyle(p).marginLeft);
  });
  expect(fromMarkup).not.toBe('77px');
  expect(fromScript).toBe('55px');
  expect(cloned).toBe('55px');
  await expect.poll(() => violations(page)).toEqual([expect.stringMatching(/^style-src-attr blocked inline/), expect.stringMatching(/^style-src-attr blocked inline/)]);
});

test('the stored theme still applies before first paint under the policy', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('ketamine-course:theme', 'dark'));
  await page.goto('/glossary/');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});
