// One deck window's set-up, shared by the audience island (DeckControls.svelte) and the presenter's
// (PresenterView.svelte): the session and its actor, the snapshot as reactive values, and `mount`,
// which connects the session to the page around the island once it has mounted.
import { useActor } from '../../platform/useActor.svelte';
import { createDeckSession, type DeckMode, type DeckProps, type DeckUi } from './session';

export function deckWindow(props: DeckProps, mode: DeckMode, ui: DeckUi) {
  const session = createDeckSession(props, mode, ui);
  const deck = useActor(session.machine, { input: session.input });
  let mounted = $state(false);
  let shortcuts = $state(true);

  return {
    session,
    deck,
    get ctx() {
      return deck.snapshot.context;
    },
    get panel() {
      return deck.snapshot.value as 'slides' | 'overview' | 'help';
    },
    get mounted() {
      return mounted;
    },
    get shortcuts() {
      return shortcuts;
    },
    setShortcuts(on: boolean) {
      shortcuts = on;
      session.setShortcuts(on);
    },
    /** Attaches to the nearest deck around `inside`; focus goes to the deck unless the reader is
     *  already somewhere (keys act while the deck has focus). Returns the root and the clean-up. */
    mount(inside: HTMLElement, columns: () => number) {
      shortcuts = session.shortcuts;
      mounted = true;
      const root = inside.closest<HTMLElement>('[data-deck]')!;
      const detach = session.attach(root, deck.actor, { columns });
      if (document.activeElement === document.body) root.focus({ preventScroll: true });
      return { root, detach };
    },
  };
}
