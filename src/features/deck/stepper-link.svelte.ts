// How the deck and the diagram on a slide talk, without the DOM. Both islands of a slide page import
// this module, so they share one copy of it: the deck (session.ts) writes here the step its machine
// holds for each slide (nav.steps); the diagram (DeckDiagram.svelte) shows that step, and hands a
// step taken inside it (its own buttons, its step list) to the deck, which decides (STEPPER), tells
// the other window and writes the step back here. The diagram never decides a deck move.

/** Each slide's stepper step as the deck holds it; empty until the deck has started. */
export const deckSteps: { steps: readonly number[] } = $state({ steps: [] });

interface DeckEnd {
  /** A step taken inside the diagram on slide `index`. */
  take(index: number, step: number): void;
  /** The diagram on slide `index` has mounted or shows new words: the deck fits the slide again. */
  shown(index: number): void;
}

let deck: DeckEnd | null = null;

/** The deck's end of the link; returns the disconnect. */
export function linkDeck(end: DeckEnd): () => void {
  deck = end;
  return () => {
    if (deck === end) deck = null;
  };
}

/** The deck tells every stepper where it is (a no-op when nothing changed). */
export function publishSteps(steps: readonly number[]): void {
  const now = deckSteps.steps;
  if (now.length === steps.length && now.every((s, i) => s === steps[i])) return;
  deckSteps.steps = [...steps];
}

/** The diagram's end: a step taken inside it, or its words changed. */
export const takeStep = (index: number, step: number) => deck?.take(index, step);
export const stepperShown = (index: number) => deck?.shown(index);
