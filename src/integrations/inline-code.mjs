// The only inline code the site writes itself, kept here as strings so that the pages that print it
// (PageHead, the deck shells) and the Content-Security-Policy that allows it (astro.config.mjs
// security.csp) read the same bytes: a changed script changes its hash, and nothing else can run.
import { createHash } from 'node:crypto';

/**
 * Applies the stored theme, reading depth and audience before first paint, so there is no flash.
 * A patient (src/lib/audience.ts) who has not chosen a depth reads plain language. The home page's
 * "Who is reading?" form sends ?audience=…: stored here, then taken out of the address.
 */
export const PREFERENCES_BEFORE_PAINT =
  'try{var d=document.documentElement,s=localStorage,k="ketamine-course:audience",q=/audience=(patient|student|presenter|all)/.exec(location.search),t=s.getItem("ketamine-course:theme"),p=s.getItem("ketamine-course:depth"),a=q?q[1]:s.getItem(k);q&&history.replaceState(0,"",location.pathname);/^(dark|light)$/.test(t)&&(d.dataset.theme=t);/^(patient|student|presenter|all)$/.test(a)&&(d.dataset.audience=a);/^(plain|clinical)$/.test(p)||(p=a=="patient"&&"plain");p&&(d.dataset.depth=p);q&&s.setItem(k,a)}catch(e){}';

/** Hides the slides until the deck island takes over, so a projector never flashes the whole lesson. */
export const DECK_LOADING = 'document.documentElement.classList.add("deck-loading")';

/** Without JavaScript, controls that need it (class needs-js) are hidden. */
export const NO_SCRIPT_STYLE = '.needs-js{display:none!important}';

/** The CSP source expression for a piece of inline code. */
export function sha256(code) {
  return `'sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}'`;
}
