// The deck's DOM work, shared by the audience window (DeckControls.svelte) and the presenter view
// (PresenterView.svelte): which slide shows, which fragments, fitting a slide to its 16:9 frame,
// still copies of slides. The machine decides; this only applies.
import type { DeckNav } from './deck.types';

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
