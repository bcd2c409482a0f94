// The synapse diagram's behaviour, as a pure XState v5 machine: no DOM, no storage.
//
// States: `paused` (initial — there is no autoplay) and `playing`. While playing, an invoked
// `ticker` actor sends TICK every `intervalMs`; each TICK advances one step, and the machine
// returns to `paused` on reaching the last step, so playback never runs past it.
// Any manual navigation (NEXT, PREVIOUS, GOTO, RESTART, TOGGLE_COMPARE) pauses: the reader has
// taken control. VISIBILITY_HIDDEN (the page went to the background) and PAUSE always pause.
//
// Context: `step` is 1-based and always within 1..STEP_COUNT; `ketamine` says whether the current
// view shows ketamine (reset to the step's default on every step change; TOGGLE_COMPARE flips it
// only on steps that offer a comparison); `reducedMotion` comes from input and SET_REDUCED_MOTION.
//
// Effects are named actions supplied with `synapseMachine.provide({ actions: { announce } })`:
// `announce` runs with params `{ kind: 'step' | 'compare' }` after the step or the view changed
// (the component writes `announcement(context, kind)` into a polite live region).
import { assign, fromCallback, setup } from 'xstate';
import { STEP_COUNT, stepAt, stepLabel } from './synapse-steps';

export interface SynapseContext {
  step: number;
  ketamine: boolean;
  reducedMotion: boolean;
  intervalMs: number;
}

export interface SynapseInput {
  initialStep?: number;
  reducedMotion?: boolean;
  intervalMs?: number;
}

export type SynapseEvent =
  | { type: 'NEXT' }
  | { type: 'PREVIOUS' }
  | { type: 'GOTO'; step: number }
  | { type: 'RESTART' }
  | { type: 'PLAY' }
  | { type: 'PAUSE' }
  | { type: 'TICK' }
  | { type: 'TOGGLE_COMPARE' }
  | { type: 'SET_REDUCED_MOTION'; value: boolean }
  | { type: 'VISIBILITY_HIDDEN' };

export type AnnounceKind = 'step' | 'compare';

/** Time each step stays on screen while playing. */
export const DEFAULT_INTERVAL_MS = 8000;

export function clampStep(step: number): number {
  if (!Number.isFinite(step)) return 1;
  return Math.min(Math.max(Math.round(step), 1), STEP_COUNT);
}

/** Whether the step at this position offers the "without / with ketamine" comparison. */
export function hasCompare(step: number): boolean {
  return Boolean(stepAt(step).compare);
}

/** The live-region text for a change: "Step 3 of 8: Ketamine blocks the channel." */
export function announcement(context: Pick<SynapseContext, 'step' | 'ketamine'>, kind: AnnounceKind): string {
  if (kind === 'compare') return context.ketamine ? 'Showing: with ketamine.' : 'Showing: without ketamine.';
  const end = context.step === STEP_COUNT ? ' Last step.' : '';
  return `${stepLabel(context.step)}.${end}`;
}

/** Sends TICK every `intervalMs` until stopped (the machine stops it by leaving `playing`). */
export const ticker = fromCallback<SynapseEvent, { intervalMs: number }>(({ sendBack, input }) => {
  const id = setInterval(() => sendBack({ type: 'TICK' }), input.intervalMs);
  return () => clearInterval(id);
});

const goTo = (position: number) => {
  const step = clampStep(position);
  return { step, ketamine: stepAt(step).ketamine };
};

export const synapseMachine = setup({
  types: {
    context: {} as SynapseContext,
    events: {} as SynapseEvent,
    input: {} as SynapseInput,
  },
  actors: { ticker },
  actions: {
    // Supplied by the component with provide(); a no-op here keeps the machine pure and testable.
    announce: (_, _params: { kind: AnnounceKind }) => {},
    next: assign(({ context }) => goTo(context.step + 1)),
    previous: assign(({ context }) => goTo(context.step - 1)),
    goto: assign(({ event }) => goTo((event as { step: number }).step)),
    restart: assign(() => goTo(1)),
    toggleCompare: assign(({ context }) => ({ ketamine: !context.ketamine })),
    setReducedMotion: assign(({ event }) => ({ reducedMotion: Boolean((event as { value: boolean }).value) })),
  },
  guards: {
    hasNext: ({ context }) => context.step < STEP_COUNT,
    hasPrevious: ({ context }) => context.step > 1,
    isValidGoto: ({ context, event }) => {
      const target = (event as { step: number }).step;
      return Number.isInteger(target) && target >= 1 && target <= STEP_COUNT && target !== context.step;
    },
    atLast: ({ context }) => context.step >= STEP_COUNT,
    tickReachesLast: ({ context }) => context.step + 1 >= STEP_COUNT,
    hasCompare: ({ context }) => hasCompare(context.step),
  },
}).createMachine({
  id: 'synapse',
  context: ({ input }) => {
    const step = clampStep(input?.initialStep ?? 1);
    return {
      ...goTo(step),
      reducedMotion: Boolean(input?.reducedMotion),
      intervalMs: input?.intervalMs && input.intervalMs > 0 ? input.intervalMs : DEFAULT_INTERVAL_MS,
    };
  },
  initial: 'paused',
  on: {
    NEXT: { guard: 'hasNext', target: '.paused', actions: ['next', { type: 'announce', params: { kind: 'step' } }] },
    PREVIOUS: {
      guard: 'hasPrevious',
      target: '.paused',
      actions: ['previous', { type: 'announce', params: { kind: 'step' } }],
    },
    GOTO: { guard: 'isValidGoto', target: '.paused', actions: ['goto', { type: 'announce', params: { kind: 'step' } }] },
    RESTART: { target: '.paused', actions: ['restart', { type: 'announce', params: { kind: 'step' } }] },
    TOGGLE_COMPARE: {
      guard: 'hasCompare',
      target: '.paused',
      actions: ['toggleCompare', { type: 'announce', params: { kind: 'compare' } }],
    },
    SET_REDUCED_MOTION: { actions: 'setReducedMotion' },
  },
  states: {
    paused: {
      on: {
        // Play from the last step starts again from the first.
        PLAY: [
          { guard: 'atLast', target: 'playing', actions: ['restart', { type: 'announce', params: { kind: 'step' } }] },
          { target: 'playing' },
        ],
      },
    },
    playing: {
      invoke: { src: 'ticker', input: ({ context }) => ({ intervalMs: context.intervalMs }) },
      on: {
        PAUSE: 'paused',
        VISIBILITY_HIDDEN: 'paused',
        TICK: [
          {
            guard: 'tickReachesLast',
            target: 'paused',
            actions: ['next', { type: 'announce', params: { kind: 'step' } }],
          },
          { actions: ['next', { type: 'announce', params: { kind: 'step' } }] },
        ],
      },
    },
  },
});
