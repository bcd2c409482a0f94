// The slide deck's behaviour, as a pure XState v5 machine: no DOM, no storage, no channel.
//
// Context `nav` is where the deck is: the slide, how many of its fragments show, the step of each
// slide's stepper (the synapse diagram), and whether the screen is blanked. It is the part two
// windows (audience and presenter) keep in agreement: every change made here is a new *version*
// (a Lamport clock and this window's id) sent to the other windows; a received state is adopted
// when its version is newer. Versions are totally ordered, so windows that have seen the same
// messages hold the same state whatever order things happened in (tests/unit/deck/channel.test.ts).
//
// States are the local panels: `slides` (normal), `overview` (a grid of slides; NEXT/PREVIOUS and
// OVERVIEW_MOVE move the highlight, OVERVIEW_PICK goes there) and `help` (the shortcuts list).
// Panels are not shared: opening the overview in the presenter window does not open it on the
// projector. Blanking is shared: B in the presenter view blanks the audience screen.
//
// Next and previous: fragments first, then the steps of the slide's diagram (stepperMax), then
// slides. Going back to a slide shows all its fragments (as reveal.js does). The diagram only shows
// the step it is given (nav.steps); a step taken inside it (its own buttons) comes back as STEPPER.
// While the screen is blanked, NEXT and PREVIOUS only bring the slide back. At the very end (or
// start) they announce 'last' (or 'first') instead.
//
// Effects are named actions supplied with `deckMachine.provide({ actions })`, no-ops here:
//   announce { kind }      after the slide, fragment, step or blank state changed, or at an end (a live region)
//   focus { target }       'slide' after a slide change (the component moves focus only if it
//                          would be lost in a hidden slide), 'overview' / 'help' / 'deck' for panels
//   broadcast { message }  a message for the other windows (BroadcastChannel)
//   persist { record }     the record to store, so that a reopened window resumes here
import { assign, setup } from 'xstate';
import {
  DECK_PROTOCOL,
  type DeckAnnounceKind,
  type DeckContext,
  type DeckEvent,
  type DeckFocusTarget,
  type DeckInput,
  type DeckMessage,
  type DeckNav,
  type DeckRecord,
  type DeckStateMessage,
  type DeckVersion,
} from './deck.types';

export type * from './deck.types';

const clamp = (n: number, lo: number, hi: number) => Math.min(Math.max(n, lo), hi);

/** Total order on versions: clock first, then the writer's id. */
export function compareVersions(a: DeckVersion, b: DeckVersion): number {
  if (a.clock !== b.clock) return a.clock - b.clock;
  return a.from < b.from ? -1 : a.from > b.from ? 1 : 0;
}

/** The first position of a deck. */
export function initialNav(total: number): DeckNav {
  return { index: 0, fragment: 0, steps: Array.from({ length: total }, () => 1), blank: false };
}

/** Brings a nav inside this deck's bounds (a stored or received one may come from a stale page). */
export function clampNav(context: Pick<DeckContext, 'total' | 'fragments' | 'stepperMax'>, nav: DeckNav): DeckNav {
  const index = clamp(Number.isInteger(nav.index) ? nav.index : 0, 0, context.total - 1);
  return {
    index,
    fragment: clamp(Number.isInteger(nav.fragment) ? nav.fragment : 0, 0, context.fragments[index]),
    steps: context.stepperMax.map((max, i) => (max > 0 ? clamp(Math.round(nav.steps[i] ?? 1) || 1, 1, max) : 1)),
    blank: Boolean(nav.blank),
  };
}

export const sameNav = (a: DeckNav, b: DeckNav): boolean =>
  a.index === b.index && a.fragment === b.fragment && a.blank === b.blank && a.steps.every((s, i) => s === b.steps[i]);

/** Whether the current slide's stepper (the diagram) has a step after / before the one it shows. */
const stepperAhead = ({ nav, stepperMax }: DeckContext) => nav.steps[nav.index] < stepperMax[nav.index];
const stepperBehind = ({ nav, stepperMax }: DeckContext) => stepperMax[nav.index] > 0 && nav.steps[nav.index] > 1;

const withStep = (nav: DeckNav, by: number): DeckNav => {
  const steps = nav.steps.slice();
  steps[nav.index] += by;
  return { ...nav, steps };
};

/**
 * Where NEXT goes, or null when it goes nowhere (the end of the last slide): the screen back if
 * blanked, else the next fragment, else the diagram's next step, else the next slide.
 */
export function nextNav(context: DeckContext): DeckNav | null {
  const { nav, fragments, total } = context;
  if (nav.blank) return { ...nav, blank: false };
  if (nav.fragment < fragments[nav.index]) return { ...nav, fragment: nav.fragment + 1 };
  if (stepperAhead(context)) return withStep(nav, 1);
  if (nav.index < total - 1) return { ...nav, index: nav.index + 1, fragment: 0 };
  return null;
}

/**
 * Where PREVIOUS goes: back a fragment, else back a diagram step, else to the previous slide with
 * all its fragments shown (its diagram stays on the step it was left at).
 */
export function previousNav(context: DeckContext): DeckNav | null {
  const { nav, fragments } = context;
  if (nav.blank) return { ...nav, blank: false };
  if (nav.fragment > 0) return { ...nav, fragment: nav.fragment - 1 };
  if (stepperBehind(context)) return withStep(nav, -1);
  if (nav.index > 0) return { ...nav, index: nav.index - 1, fragment: fragments[nav.index - 1] };
  return null;
}

export function gotoNav(context: DeckContext, index: number, fragment: number | 'all' = 0): DeckNav | null {
  if (!Number.isInteger(index) || index < 0 || index >= context.total) return null;
  const max = context.fragments[index];
  const f = fragment === 'all' ? max : Number.isInteger(fragment) ? clamp(fragment, 0, max) : 0;
  return { ...context.nav, index, fragment: f, blank: false };
}

export function stepperNav(context: DeckContext, index: number, step: number): DeckNav | null {
  const max = context.stepperMax[index] ?? 0;
  if (!Number.isInteger(index) || !Number.isInteger(step) || max === 0 || step < 1 || step > max) return null;
  const steps = context.nav.steps.slice();
  steps[index] = step;
  return { ...context.nav, steps };
}

/** The message that tells the other windows where this one is. */
export function stateMessage(context: DeckContext): DeckStateMessage {
  return {
    v: DECK_PROTOCOL,
    type: 'state',
    deck: context.deck,
    total: context.total,
    from: context.id,
    version: context.version,
    nav: { ...context.nav, steps: context.nav.steps.slice() },
  };
}

export function deckRecord(context: DeckContext): DeckRecord {
  return { v: DECK_PROTOCOL, total: context.total, version: context.version, nav: stateMessage(context).nav };
}

/** What a change from `before` to `after` means to a listener (slide wins over fragment, etc.). */
export function changeKinds(before: DeckNav, after: DeckNav): DeckAnnounceKind[] {
  if (before.blank !== after.blank && after.blank) return ['blank'];
  const kinds: DeckAnnounceKind[] = [];
  if (before.blank !== after.blank) kinds.push('unblank');
  if (before.index !== after.index) kinds.push('slide');
  else if (before.fragment !== after.fragment) kinds.push('fragment');
  else if (before.steps[after.index] !== after.steps[after.index]) kinds.push('step');
  return kinds;
}

export function createContext(input: DeckInput): DeckContext {
  const fragments = input.fragments.length ? input.fragments.map((f) => (Number.isInteger(f) && f > 0 ? f : 0)) : [0];
  const total = fragments.length;
  const stepperMax = Array.from({ length: total }, (_, i) => {
    const m = input.stepperMax?.[i] ?? 0;
    return Number.isInteger(m) && m > 0 ? m : 0;
  });
  const base = { deck: input.deck, id: input.id, total, fragments, stepperMax, overviewIndex: 0 };
  const record = input.record && input.record.total === total ? input.record : null;
  let nav = record ? clampNav(base, record.nav) : initialNav(total);
  let version: DeckVersion = record ? record.version : { clock: 0, from: '' };
  const start = input.start;
  if (start !== null && start !== undefined && Number.isInteger(start) && start >= 0 && start < total && start !== nav.index) {
    // The URL names another slide than the stored one: that is a navigation of its own.
    nav = { ...nav, index: start, fragment: 0, blank: false };
    version = { clock: version.clock + 1, from: input.id };
  }
  return { ...base, nav, version, overviewIndex: nav.index };
}

/** What moved the deck: a local command, or a newer state received from another window. */
type Move = 'next' | 'previous' | 'first' | 'last' | 'goto' | 'stepper' | 'blank' | 'pick' | 'receive';

/** Where a move takes the deck, with the version it writes; null when it stays where it is. */
export function moved(context: DeckContext, event: DeckEvent, move: Move): { nav: DeckNav; version: DeckVersion; local: boolean } | null {
  let nav: DeckNav | null = null;
  if (move === 'receive') {
    const m = event.type === 'RECEIVE' ? event.message : null;
    if (!m || m.type !== 'state' || m.deck !== context.deck || m.total !== context.total || m.from === context.id) return null;
    if (compareVersions(m.version, context.version) <= 0) return null;
    return { nav: clampNav(context, m.nav), version: { ...m.version }, local: false };
  }
  if (move === 'next') nav = nextNav(context);
  else if (move === 'previous') nav = previousNav(context);
  else if (move === 'first') nav = gotoNav(context, 0);
  else if (move === 'last') nav = gotoNav(context, context.total - 1);
  else if (move === 'goto' && event.type === 'GOTO') nav = gotoNav(context, event.index, event.fragment);
  else if (move === 'stepper' && event.type === 'STEPPER') nav = stepperNav(context, event.index, event.step);
  else if (move === 'blank') nav = { ...context.nav, blank: !context.nav.blank };
  else if (move === 'pick') nav = gotoNav(context, context.overviewIndex);
  if (!nav || sameNav(nav, context.nav)) return null;
  return { nav, version: { clock: context.version.clock + 1, from: context.id }, local: true };
}

// The effects (named, supplied with provide()) and the panel's own assignments. The moves below
// are made with this setup's enqueueActions, so they know these effects' names and params.
const deck = setup({
  types: {
    context: {} as DeckContext,
    events: {} as DeckEvent,
    input: {} as DeckInput,
  },
  actions: {
    // Supplied by the components with provide(); no-ops here keep the machine pure and testable.
    announce: (_, _params: { kind: DeckAnnounceKind }) => {},
    focus: (_, _params: { target: DeckFocusTarget }) => {},
    broadcast: (_, _params: { message: DeckMessage }) => {},
    persist: (_, _params: { record: DeckRecord }) => {},
    openOverview: assign(({ context }) => ({ overviewIndex: context.nav.index })),
    moveOverview: assign(({ context, event }, params: { by?: number }) => {
      const by = params?.by ?? (event as { by?: number }).by ?? 0;
      const step = Number.isInteger(by) ? by : 0;
      return { overviewIndex: clamp(context.overviewIndex + step, 0, context.total - 1) };
    }),
    highlight: assign(({ context, event }) => {
      const index = (event as { index?: number }).index;
      return Number.isInteger(index) && index! >= 0 && index! < context.total ? { overviewIndex: index! } : {};
    }),
  },
});

/** Every change of place: a new version (or an adopted one), stored, sent to the other windows
 *  when it was made here, announced, and focus kept out of hidden slides. */
const move = (to: Move) =>
  deck.enqueueActions(({ context, event, enqueue }) => {
    const change = moved(context, event, to);
    if (!change) {
      // Next at the very end, previous at the very start: said, so a key press is never silent.
      const edge = to === 'next' ? 'last' : to === 'previous' ? 'first' : null;
      if (edge && !context.nav.blank) enqueue({ type: 'announce', params: { kind: edge } });
      return;
    }
    const next = { ...context, nav: change.nav, version: change.version };
    enqueue.assign({ nav: change.nav, version: change.version });
    enqueue({ type: 'persist', params: { record: deckRecord(next) } });
    if (change.local) enqueue({ type: 'broadcast', params: { message: stateMessage(next) } });
    for (const kind of changeKinds(context.nav, next.nav)) enqueue({ type: 'announce', params: { kind } });
    if (context.nav.index !== next.nav.index) enqueue({ type: 'focus', params: { target: 'slide' } });
  });

/** Say hello to the other windows and offer this one's state. */
const connect = deck.enqueueActions(({ context, enqueue }) => {
  const hello = { v: DECK_PROTOCOL, type: 'hello', deck: context.deck, total: context.total, from: context.id } as const;
  enqueue({ type: 'broadcast', params: { message: hello } });
  enqueue({ type: 'broadcast', params: { message: stateMessage(context) } });
});

/** A hello from a window that just opened is answered with where this deck is. */
const answer = deck.enqueueActions(({ context, event, enqueue }) => {
  const m = event.type === 'RECEIVE' ? event.message : null;
  if (m?.type === 'hello' && m.deck === context.deck && m.total === context.total && m.from !== context.id) {
    enqueue({ type: 'broadcast', params: { message: stateMessage(context) } });
  }
});

export const deckMachine = deck.createMachine({
  id: 'deck',
  context: ({ input }) => createContext(input),
  initial: 'slides',
  on: {
    RECEIVE: { actions: [answer, move('receive')] },
    CONNECT: { actions: connect },
    STEPPER: { actions: move('stepper') },
    TOGGLE_BLANK: { actions: move('blank') },
  },
  states: {
    slides: {
      on: {
        NEXT: { actions: move('next') },
        PREVIOUS: { actions: move('previous') },
        FIRST: { actions: move('first') },
        LAST: { actions: move('last') },
        GOTO: { actions: move('goto') },
        TOGGLE_OVERVIEW: { target: 'overview' },
        ESCAPE: { target: 'overview' },
        TOGGLE_HELP: { target: 'help' },
      },
    },
    overview: {
      entry: ['openOverview', { type: 'focus', params: { target: 'overview' } }],
      on: {
        NEXT: { actions: { type: 'moveOverview', params: { by: 1 } } },
        PREVIOUS: { actions: { type: 'moveOverview', params: { by: -1 } } },
        OVERVIEW_MOVE: { actions: { type: 'moveOverview', params: {} } },
        FIRST: { actions: assign({ overviewIndex: 0 }) },
        LAST: { actions: assign(({ context }) => ({ overviewIndex: context.total - 1 })) },
        OVERVIEW_PICK: { target: 'slides', actions: ['highlight', move('pick'), { type: 'focus', params: { target: 'deck' } }] },
        GOTO: { target: 'slides', actions: [move('goto'), { type: 'focus', params: { target: 'deck' } }] },
        TOGGLE_OVERVIEW: { target: 'slides', actions: { type: 'focus', params: { target: 'deck' } } },
        ESCAPE: { target: 'slides', actions: { type: 'focus', params: { target: 'deck' } } },
        CLOSE: { target: 'slides', actions: { type: 'focus', params: { target: 'deck' } } },
        TOGGLE_HELP: { target: 'help' },
      },
    },
    help: {
      entry: { type: 'focus', params: { target: 'help' } },
      on: {
        TOGGLE_HELP: { target: 'slides', actions: { type: 'focus', params: { target: 'deck' } } },
        ESCAPE: { target: 'slides', actions: { type: 'focus', params: { target: 'deck' } } },
        CLOSE: { target: 'slides', actions: { type: 'focus', params: { target: 'deck' } } },
      },
    },
  },
});
