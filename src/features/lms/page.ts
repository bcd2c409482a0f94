// A course page inside a package: when the launcher (launcher.ts) holds an LMS session, fold the
// LMS's record into the page's store, send every change of the store to the launcher, and commit
// when the page is hidden or left. Outside the launcher this does nothing. Only the packaged build
// loads this module (PageHead.astro, PUBLIC_LMS_PACKAGE), so the plain site carries none of it.
import type { LmsHost } from './launcher';
import { packagePath } from './paths';
import { pageStore, readRecord } from './store-link';

let host: LmsHost | undefined;
try {
  host = window.parent !== window ? (window.parent as unknown as { courseLms?: LmsHost }).courseLms : undefined;
} catch {
  host = undefined;
}

if (host) connect(host);

function connect(lms: LmsHost) {
  const store = pageStore();
  const saved = readRecord(lms.record());
  // Storage may be off: the LMS's record still reaches the store (merging never loses anything).
  if (saved.kind === 'ok') store.merge(saved.record);

  // Time spent on each quiz question, from the first touch to the last change, by its prompt.
  const first: Record<string, number> = {};
  const timings: Record<string, number> = {};
  const prompt = (target: EventTarget | null) =>
    // The question's fieldset, not a matching term's own (fieldset.term, nested in it).
    target instanceof Element ? target.closest('.quiz fieldset:not(.term)')?.querySelector('.prompt')?.textContent?.trim() : undefined;
  const touch = (event: Event) => {
    const p = prompt(event.target);
    if (!p) return;
    const now = performance.now();
    first[p] ??= now;
    if (event.type !== 'focusin') timings[p] = Math.round(now - first[p]);
  };
  for (const type of ['focusin', 'change', 'click']) document.addEventListener(type, touch, true);

  // Never throw into the store's listeners: the page's own scripts listen there too.
  const send = () => {
    try {
      lms.update(JSON.stringify(store.record()), location.href, timings);
    } catch (error) {
      console.warn('LMS: could not report', error);
    }
  };
  store.subscribe(send);
  send();
  const flush = () => {
    try {
      lms.flush();
    } catch {
      // the launcher is going away too
    }
  };
  addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && flush());
  addEventListener('pagehide', flush);

  // Links the islands write at run time ("/lessons/x/") made relative like the built HTML's.
  const depth = Number(document.querySelector<HTMLMetaElement>('meta[name="lms-depth"]')?.content ?? 0);
  const fix = (root: ParentNode) => {
    for (const a of root.querySelectorAll<HTMLAnchorElement>('a[href^="/"]')) a.setAttribute('href', packagePath(a.getAttribute('href')!, depth));
  };
  fix(document);
  new MutationObserver(() => fix(document)).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['href'] });
}
