// What a key means to the deck, which slide an address names, and how a slide is said. Pure, no
// DOM (tests/unit/deck/slides.test.ts).

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

