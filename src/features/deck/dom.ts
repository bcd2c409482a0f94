// The deck's DOM work, shared by the audience window (DeckControls.svelte) and the presenter view
// (PresenterView.svelte): which slide shows, which fragments, fitting a slide to its 16:9 frame,
// stepping the synapse diagram, and which key means what. The machine decides; this only applies.
import type { DeckNav } from './deck.types';

export type DeckCommand =
  | 'next'
  | 'previous'
  | 'first'
  | 'last'
  | 'escape'
  | 'overview'
  | 'fullscreen'
  | 'blank'
  | 'presenter'
  | 'help';

interface KeyLike {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  target?: EventTarget | null;
}

const closest = (target: EventTarget | null | undefined, selector: string): boolean =>
  Boolean(target && typeof (target as Element).closest === 'function' && (target as Element).closest(selector));

const TYPING = 'input, textarea, select, [contenteditable=""], [contenteditable="true"]';
const ACTIVATES = 'button, a[href], summary, input, select, textarea, [role="button"], [role="switch"], [role="radio"]';

/**
 * What a key pressed inside the deck means. Navigation keys (arrows, PageUp/PageDown — what
 * clickers send —, Home, End, Esc) always work while the deck has focus; character keys (Space,
 * O, F, B, S, ?) only while shortcuts are on (WCAG 2.1.4). Keys meant for a control keep their
 * usual job: Space on a button presses it, arrows in a radio group move the choice.
 */
export function commandForKey(event: KeyLike, shortcuts: boolean): DeckCommand | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  const typing = closest(event.target, TYPING);
  switch (event.key) {
    case 'ArrowRight':
    case 'PageDown':
      return typing ? null : 'next';
    case 'ArrowLeft':
    case 'PageUp':
      return typing ? null : 'previous';
    case 'Home':
      return typing ? null : 'first';
    case 'End':
      return typing ? null : 'last';
    case 'Escape':
      return 'escape';
  }
  if (!shortcuts || typing) return null;
  switch (event.key) {
    case ' ':
    case 'Spacebar':
      return closest(event.target, ACTIVATES) ? null : 'next';
    case 'o':
    case 'O':
      return 'overview';
    case 'f':
    case 'F':
      return 'fullscreen';
    case 'b':
    case 'B':
    case '.':
      return 'blank';
    case 's':
    case 'S':
      return 'presenter';
    case '?':
      return 'help';
  }
  return null;
}

/** "#5" → 4; "#response-is-not-remission" → the slide holding that heading; otherwise null. */
export function indexFromHash(hash: string, total: number, anchors: readonly string[] = []): number | null {
  const name = decodeURIComponent(hash.replace(/^#/, ''));
  if (/^\d+$/.test(name)) {
    const n = Number(name);
    return n >= 1 && n <= total ? n - 1 : null;
  }
  const at = name ? anchors.indexOf(name) : -1;
  return at >= 0 ? at : null;
}

export function slideAnnouncement(index: number, total: number, title: string): string {
  return `Slide ${index + 1} of ${total}: ${title}`;
}

export const slidesOf = (root: ParentNode) => [...root.querySelectorAll<HTMLElement>(':scope [data-slide]')];

/** Shows the current slide and its fragments; the others leave the accessibility tree (inert). */
export function showSlide(slides: readonly HTMLElement[], nav: Pick<DeckNav, 'index' | 'fragment'>): void {
  slides.forEach((slide, i) => {
    const current = i === nav.index;
    slide.inert = !current;
    slide.toggleAttribute('data-current', current);
    if (current) {
      for (const item of slide.querySelectorAll<HTMLElement>('[data-fragment]')) {
        item.toggleAttribute('data-fragment-hidden', Number(item.dataset.fragment) > nav.fragment);
      }
    }
  });
}

/** The text of the fragment items that appear at step `fragment` (one per visible list). */
export function fragmentText(slide: HTMLElement | undefined, fragment: number): string {
  if (!slide) return '';
  return [...slide.querySelectorAll<HTMLElement>(`[data-fragment="${fragment}"]`)]
    .filter((el) => el.getClientRects().length > 0)
    .map((el) => el.textContent?.replace(/\s+/g, ' ').trim() ?? '')
    .filter(Boolean)
    .join(' ');
}

const overflows = (el: HTMLElement) => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1;

/**
 * Fits a slide into its frame: lowers its --fit factor (which scales its text) in steps until
 * nothing overflows, down to `min`. Only in the projector layout: in the scrolling layout (narrow
 * windows, zoom) the slide grows instead and text keeps the reader's size.
 */
export function fitSlide(slide: HTMLElement | undefined, { min = 0.4, keep = false } = {}): void {
  if (!slide) return;
  // `keep`: only shrink further (a diagram step with longer text), so text does not jump back up.
  const start = keep ? Number(slide.style.getPropertyValue('--fit')) || 1 : 1;
  if (!keep) slide.style.removeProperty('--fit');
  if (getComputedStyle(slide).getPropertyValue('--deck-fixed').trim() !== '1') {
    slide.style.removeProperty('--fit');
    return;
  }
  const parts = () => [slide, ...slide.querySelectorAll<HTMLElement>('.table-wrap')];
  for (let fit = start; fit > min && parts().some(overflows); ) {
    fit = Math.round((fit - 0.05) * 100) / 100;
    slide.style.setProperty('--fit', String(fit));
  }
}

// ── The stepper (synapse diagram) on a slide ─────────────────────────────────────────────────

export const stepperOf = (slide: HTMLElement | undefined) => slide?.querySelector<HTMLElement>('[data-deck-stepper]') ?? null;

/** The diagram's current step, read from its step list (aria-current="step"), or null. */
export function readStep(stepper: HTMLElement): number | null {
  const item = stepper.querySelector('[aria-current="step"]')?.closest('li');
  if (!item?.parentElement) return null;
  return [...item.parentElement.children].indexOf(item) + 1;
}

/** Asks the stepper for one step (SynapseDiagram's `deck:step`); true when it moved. */
export function askStepper(stepper: HTMLElement | null, direction: 'next' | 'previous'): boolean {
  if (!stepper) return false;
  const detail = { direction, consumed: false };
  stepper.dispatchEvent(new CustomEvent('deck:step', { detail }));
  return detail.consumed;
}

/**
 * Steps a diagram from `from` until it shows `target`; returns where it got to. The diagram
 * updates its DOM later (a microtask), so the caller keeps count rather than re-reading it.
 */
export function moveStepperTo(stepper: HTMLElement, from: number, target: number): number {
  const direction = target > from ? 'next' : 'previous';
  let at = from;
  while (at !== target && askStepper(stepper, direction)) at += direction === 'next' ? 1 : -1;
  return at;
}

/** Runs `ready` once the island around `stepper` has hydrated and mounted (now, if it has). */
export function whenHydrated(stepper: HTMLElement, ready: () => void): void {
  const island = stepper.closest('astro-island');
  const later = () => setTimeout(ready, 0);
  if (island?.hasAttribute('ssr')) island.addEventListener('astro:hydrate', later, { once: true });
  else later();
}

/** Calls `changed(step)` whenever the diagram's step changes, whoever moved it. */
export function watchStepper(stepper: HTMLElement, changed: (step: number) => void): () => void {
  const observer = new MutationObserver(() => {
    const step = readStep(stepper);
    if (step !== null) changed(step);
  });
  observer.observe(stepper, { subtree: true, attributes: true, attributeFilter: ['aria-current'] });
  return () => observer.disconnect();
}

/** A still copy of a slide for the presenter's "next" preview: no ids, no islands, every fragment shown. */
export function stillCopy(slide: HTMLElement): HTMLElement {
  const copy = slide.cloneNode(true) as HTMLElement;
  for (const island of copy.querySelectorAll('astro-island')) {
    const div = document.createElement('div');
    div.append(...island.childNodes);
    island.replaceWith(div);
  }
  for (const el of [copy, ...copy.querySelectorAll('[id]')]) el.removeAttribute('id');
  for (const el of copy.querySelectorAll('[aria-labelledby], [aria-describedby], [aria-controls]')) {
    el.removeAttribute('aria-labelledby');
    el.removeAttribute('aria-describedby');
    el.removeAttribute('aria-controls');
  }
  for (const el of copy.querySelectorAll('script, [aria-live]')) el.remove();
  for (const el of copy.querySelectorAll<HTMLElement>('[data-fragment-hidden]')) el.removeAttribute('data-fragment-hidden');
  copy.removeAttribute('data-slide');
  copy.removeAttribute('inert');
  copy.setAttribute('data-current', '');
  return copy;
}

export async function toggleFullscreen(): Promise<void> {
  try {
    if (document.fullscreenElement) await document.exitFullscreen();
    else await document.documentElement.requestFullscreen();
  } catch {
    // Refused (an iframe without permission, a browser without the API): nothing to do.
  }
}
