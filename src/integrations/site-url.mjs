// The published address of the course, from the SITE setting read at build time. Without it the
// build names the local preview server and says so, so a sitemap for localhost is never a surprise.
export const LOCAL_SITE = 'http://localhost:4321';

/** The site URL for astro.config.mjs: SITE when set (an absolute http(s) address), else the local server. */
export function siteUrl(value, warn = console.warn) {
  if (value === undefined || value.trim() === '') {
    warn(
      `SITE is not set: the sitemap and robots.txt name ${LOCAL_SITE}. Build with SITE=https://your.host/ to publish.`,
    );
    return LOCAL_SITE;
  }
  let url;
  try {
    url = new URL(value.trim());
  } catch {
    throw new Error(`SITE="${value}" is not an absolute address (expected e.g. https://course.example.org/)`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`SITE="${value}" must start with https:// or http://`);
  }
  return url.href.replace(/\/$/, '');
}
