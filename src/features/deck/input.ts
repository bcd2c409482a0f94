// The deck's input: keys (in the slides and in the overview), a touch swipe on the slides, and the
// control bar that shows while the pointer moves. It only turns input into deck commands and
// events; session.ts runs them.
import type { Actor } from 'xstate';
import type { deckMachine } from './deck.machine';
import { commandForKey, type DeckCommand } from './keys';

type DeckActor = Actor<typeof deckMachine>;

interface InputOptions {
  actor: DeckActor;
  run(command: DeckCommand): void;
  /** Whether single-key shortcuts are on now. */
  shortcuts(): boolean;
  /** Cards per row in the overview (arrows up/down move a row). */
  columns(): number;
}

/** Keys in the overview: arrows move the highlight (up/down by a row), Enter picks (a button). */
function overviewKey(event: KeyboardEvent, { actor, shortcuts, columns }: InputOptions) {
  const moves: Record<string, number> = {
    ArrowRight: 1,
    ArrowLeft: -1,
    PageDown: 1,
    PageUp: -1,
    ArrowDown: columns(),
    ArrowUp: -columns(),
  };
  if (event.key in moves) {
    event.preventDefault();
    actor.send({ type: 'OVERVIEW_MOVE', by: moves[event.key] });
  } else if (event.key === 'Home' || event.key === 'End') {
    event.preventDefault();
    actor.send({ type: event.key === 'Home' ? 'FIRST' : 'LAST' });
  } else if (event.key === 'Escape' || (shortcuts() && (event.key === 'o' || event.key === 'O'))) {
    event.preventDefault();
    actor.send({ type: 'CLOSE' });
  } else if (shortcuts() && event.key === '?') {
    event.preventDefault();
    actor.send({ type: 'TOGGLE_HELP' });
  }
}

export function onDeckKey(event: KeyboardEvent, options: InputOptions) {
  const { actor, shortcuts } = options;
  if (event.defaultPrevented) return;
  const state = actor.getSnapshot().value;
  if (state === 'help') {
    if (event.key === 'Escape' || (shortcuts() && event.key === '?')) {
      event.preventDefault();
      actor.send({ type: 'CLOSE' });
    }
    return;
  }
  if (state === 'overview' && !event.ctrlKey && !event.metaKey && !event.altKey) return overviewKey(event, options);
  // Esc on an open glossary term closes the term (src/mdx/term.ts), not the deck.
  if (event.key === 'Escape' && (event.target as Element | null)?.closest?.('[data-term]')) return;
  const command = commandForKey(event, shortcuts());
  if (!command) return;
  event.preventDefault();
  options.run(command);
}

type Listen = (target: EventTarget, type: string, fn: (e: never) => void) => void;

/** The audience's control bar shows for a few seconds after the pointer moves (deck-toolbar.css). */
export function watchPointer(root: HTMLElement, listen: Listen): () => void {
  let idle: ReturnType<typeof setTimeout> | undefined;
  listen(root, 'pointermove', () => {
    root.toggleAttribute('data-pointer', true);
    clearTimeout(idle);
    idle = setTimeout(() => root.removeAttribute('data-pointer'), 2500);
  });
  return () => clearTimeout(idle);
}

/** Touch: a horizontal swipe on the slides moves next (leftwards) or previous. */
export function watchSwipe(stage: HTMLElement, listen: Listen, run: (command: 'next' | 'previous') => void): void {
  let swipe: { x: number; y: number; id: number } | null = null;
  listen(stage, 'pointerdown', (e: PointerEvent) => {
    swipe = e.pointerType === 'mouse' ? null : { x: e.clientX, y: e.clientY, id: e.pointerId };
  });
  listen(stage, 'pointerup', (e: PointerEvent) => {
    if (!swipe || swipe.id !== e.pointerId) return;
    const dx = e.clientX - swipe.x;
    const dy = e.clientY - swipe.y;
    swipe = null;
    if (Math.abs(dx) >= 50 && Math.abs(dx) > 1.5 * Math.abs(dy)) run(dx < 0 ? 'next' : 'previous');
  });
  listen(stage, 'pointercancel', () => (swipe = null));
}
