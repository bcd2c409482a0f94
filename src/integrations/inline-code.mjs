// The only inline code the site writes itself, kept here as strings so that the pages that print it
// (PageHead, the deck shells) and the Content-Security-Policy that allows it (astro.config.mjs
// security.csp) read the same bytes: a changed script changes its hash, and nothing else can run.
import { createHash } from 'node:crypto';
// The storage door owns every key, so it writes the before-paint script too.
import { beforePaint } from '../platform/storage.ts';

/**
 * Applies the stored theme, reading depth and audience before first paint, so there is no flash.
 * A patient (src/platform/audience.ts) who has not chosen a depth reads plain language. The home page's
 * "Who is reading?" form sends ?audience=…: stored here, then taken out of the address.
 */
export const PREFERENCES_BEFORE_PAINT = beforePaint();

/** Hides the slides until the deck island takes over, so a projector never flashes the whole lesson. */
export const DECK_LOADING = 'document.documentElement.classList.add("deck-loading")';

/** Without JavaScript, controls that need it (class needs-js) are hidden; script-filtered lists show in full. */
export const NO_SCRIPT_STYLE = '.needs-js{display:none!important}.js-filtered>*{display:block!important}';

/** The CSP source expression for a piece of inline code. */
export function sha256(code) {
  return `'sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}'`;
}
