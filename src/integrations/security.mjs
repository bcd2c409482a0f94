// The site's Content-Security-Policy and security headers. Astro (security.csp) writes the policy
// into each page as a <meta> tag with the hashes of the scripts and styles it emits; the hashes of
// the site's own inline code come from inline-code.mjs. A meta policy cannot carry frame-ancestors
// or the other headers, so after the build this integration also writes dist/_headers (the format
// Netlify, Cloudflare Pages and the test server read) with the same policy plus those.
import { closeSync, openSync, readdirSync, readSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DECK_LOADING, NO_SCRIPT_STYLE, PREFERENCES_BEFORE_PAINT, sha256 } from './inline-code.mjs';

/** The policy's fixed part: everything from this origin, nothing else, no plugins, no <base>. */
const DIRECTIVES = [
  "default-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
];

/** security.csp for astro.config.mjs. Search runs WebAssembly: 'wasm-unsafe-eval', never 'unsafe-eval'.
 * @returns {import('astro').AstroUserConfig['security'] extends infer S ? S extends { csp?: infer C } ? C : never : never} */
export function csp() {
  return {
    algorithm: 'SHA-256',
    directives: DIRECTIVES,
    scriptDirective: {
      // 'report-sample' puts the first characters of blocked code into violation reports.
      resources: ["'self'", "'wasm-unsafe-eval'", "'report-sample'"],
      hashes: [PREFERENCES_BEFORE_PAINT, DECK_LOADING].map((code) => sha256(code).slice(1, -1)),
    },
    styleDirective: {
      // No 'unsafe-inline', for attributes either: a style="" attribute in markup is blocked. The
      // diagram moves its actors with SVG transform/opacity attributes, and scripts set styles
      // through the CSSOM (element.style), which the policy does not govern.
      resources: ["'self'", "'report-sample'"],
      hashes: [NO_SCRIPT_STYLE].map((code) => sha256(code).slice(1, -1)),
    },
  };
}

/** Who may frame the course: only itself by default; an LMS package sets FRAME_ANCESTORS (e.g. "*"). */
export function frameAncestors(value = process.env.FRAME_ANCESTORS) {
  return value && value.trim() ? value.trim() : "'self'";
}

/** What the course never uses, denied to it and to anything it could frame. */
const PERMISSIONS = ['camera', 'microphone', 'geolocation', 'payment', 'usb', 'serial', 'midi',
  'magnetometer', 'gyroscope', 'accelerometer', 'display-capture', 'browsing-topics'].map((p) => `${p}=()`).join(', ');

function* htmlFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* htmlFiles(path);
    else if (entry.name.endsWith('.html')) yield path;
  }
}

const META = /<meta http-equiv="content-security-policy" content="([^"]+)"/i;

/** A page's <head> (its first 16 KB; Astro puts the policy meta first in it): 2,000 pages at 500
 *  lessons are ~200 MB, read whole once more for one tag (issue #13). One buffer serves every page:
 *  a fresh 16 KB each was most of this pass's garbage collection. */
const HEAD = Buffer.alloc(16384);
function head(file) {
  const fd = openSync(file, 'r');
  try {
    const n = readSync(fd, HEAD, 0, HEAD.length, 0);
    return HEAD.toString('utf8', 0, n);
  } finally {
    closeSync(fd);
  }
}

/** One policy for every page: the union of the sources each page's meta policy lists, per directive.
 * @param {Iterable<string>} policies */
export function unionPolicy(policies) {
  const merged = new Map();
  for (const policy of policies) {
    for (const part of policy.split(';')) {
      const [name, ...sources] = part.trim().split(/\s+/);
      if (!name) continue;
      const set = merged.get(name) ?? new Set();
      sources.forEach((s) => set.add(s));
      merged.set(name, set);
    }
  }
  return [...merged].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

/** The headers for every path, as the _headers file and the test server use them. */
export function headers(policy, ancestors = frameAncestors()) {
  return {
    'Content-Security-Policy': `${policy}; frame-ancestors ${ancestors}`,
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    'Permissions-Policy': PERMISSIONS,
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}

export default function securityHeaders() {
  return {
    name: 'course:security-headers',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        // Most pages share a policy: the union of the distinct ones is the same union, in the same
        // order (a policy seen before adds no source), for a fraction of the splitting.
        const policies = new Set();
        let pages = 0;
        for (const file of htmlFiles(root)) {
          const found = META.exec(head(file));
          if (!found) throw new Error(`${file}: no Content-Security-Policy meta tag (security.csp in astro.config.mjs)`);
          policies.add(found[1].replaceAll('&#39;', "'").replaceAll('&quot;', '"'));
          pages += 1;
        }
        const lines = Object.entries(headers(unionPolicy(policies))).map(([k, v]) => `  ${k}: ${v}`);
        writeFileSync(join(root, '_headers'), `/*\n${lines.join('\n')}\n`);
        logger.info(`_headers written (CSP from ${pages} pages)`);
      },
    },
  };
}
