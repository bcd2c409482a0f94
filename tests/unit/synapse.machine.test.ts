import { afterEach, describe, expect, it, vi } from 'vitest';
import { createActor } from 'xstate';
import { getAdjacencyMap, adjacencyMapToArray, getShortestPaths, getSimplePaths } from '@xstate/graph';
import {
  synapseMachine,
  announcement,
  clampStep,
  DEFAULT_INTERVAL_MS,
  type SynapseEvent,
  type SynapseInput,
} from '../../src/features/synapse/synapse.machine';
import { SYNAPSE_STEPS, STEP_COUNT, stepAt } from '../../src/features/synapse/synapse-steps';

// Every event the UI, the timer and the page can send, including invalid GOTO targets.
const ALL_EVENTS: SynapseEvent[] = [
  { type: 'NEXT' },
  { type: 'PREVIOUS' },
  ...[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 2.5, -1].map((step) => ({ type: 'GOTO' as const, step })),
  { type: 'RESTART' },
  { type: 'PLAY' },
  { type: 'PAUSE' },
  { type: 'TICK' },
  { type: 'TOGGLE_COMPARE' },
  { type: 'SET_REDUCED_MOTION', value: true },
  { type: 'SET_REDUCED_MOTION', value: false },
  { type: 'VISIBILITY_HIDDEN' },
];
const INPUTS: SynapseInput[] = [{}, { reducedMotion: true }, { initialStep: 8 }, { initialStep: 42 }, { initialStep: -3 }];

type Snap = ReturnType<typeof synapseMachine.transition>;
const isPlaying = (s: Snap) => s.matches('playing');

function assertStateInvariants(s: Snap) {
  const { step, ketamine } = s.context;
  expect(Number.isInteger(step)).toBe(true);
  expect(step).toBeGreaterThanOrEqual(1);
  expect(step).toBeLessThanOrEqual(STEP_COUNT);
  // Playing never sits on (or past) the last step: reaching it stops playback.
  if (isPlaying(s)) expect(step).toBeLessThan(STEP_COUNT);
  // Every reachable step has its text equivalent.
  const content = stepAt(step);
  expect(content.caption).toBeTruthy();
  expect(content.plain.text).toBeTruthy();
  expect(content.clinical.text).toBeTruthy();
  // The ketamine view only departs from the step's default where a comparison exists.
  if (!content.compare) expect(ketamine).toBe(content.ketamine);
  expect(s.status).toBe('active');
}

describe('synapse machine: every transition (adjacency map)', () => {
  for (const input of INPUTS) {
    it(`holds the invariants on every edge from input ${JSON.stringify(input)}`, () => {
      const adjacency = getAdjacencyMap(synapseMachine, { events: ALL_EVENTS, input });
      const edges = adjacencyMapToArray(adjacency);
      expect(edges.length).toBeGreaterThan(100);
      for (const { state, event, nextState } of edges) {
        assertStateInvariants(state);
        assertStateInvariants(nextState);
        const before = state.context.step;
        const after = nextState.context.step;
        expect(Math.abs(after - before) <= 1 || event.type === 'GOTO' || event.type === 'RESTART' || event.type === 'PLAY').toBe(true);
        switch (event.type) {
          case 'PAUSE':
          case 'VISIBILITY_HIDDEN':
            // PAUSE always stops; a hidden page always stops playing; neither moves the step.
            expect(isPlaying(nextState)).toBe(false);
            expect(after).toBe(before);
            break;
          case 'NEXT':
            expect(after).toBe(Math.min(before + 1, STEP_COUNT));
            if (before < STEP_COUNT) expect(isPlaying(nextState)).toBe(false);
            break;
          case 'PREVIOUS':
            expect(after).toBe(Math.max(before - 1, 1));
            if (before > 1) expect(isPlaying(nextState)).toBe(false);
            break;
          case 'GOTO': {
            const valid = Number.isInteger(event.step) && event.step >= 1 && event.step <= STEP_COUNT;
            expect(after).toBe(valid ? event.step : before);
            if (valid && event.step !== before) expect(isPlaying(nextState)).toBe(false);
            break;
          }
          case 'RESTART':
            expect(after).toBe(1);
            expect(isPlaying(nextState)).toBe(false);
            break;
          case 'PLAY':
            expect(isPlaying(nextState) || after === STEP_COUNT).toBe(true);
            if (!isPlaying(state)) expect(after).toBe(before === STEP_COUNT ? 1 : before);
            break;
          case 'TICK':
            if (isPlaying(state)) {
              expect(after).toBe(before + 1);
              expect(isPlaying(nextState)).toBe(after < STEP_COUNT);
            } else {
              expect(nextState.context).toEqual(state.context);
            }
            break;
          case 'TOGGLE_COMPARE':
            if (stepAt(before).compare) {
              expect(nextState.context.ketamine).toBe(!state.context.ketamine);
              expect(isPlaying(nextState)).toBe(false);
            } else {
              expect(nextState.context).toEqual(state.context);
            }
            break;
          case 'SET_REDUCED_MOTION':
            expect(nextState.context.reducedMotion).toBe(event.value);
            expect(isPlaying(nextState)).toBe(isPlaying(state));
            break;
        }
      }
    });
  }

  it('reaches every step, plays only on steps 1–7, and compares only on steps 2–3', () => {
    const adjacency = getAdjacencyMap(synapseMachine, { events: ALL_EVENTS, input: {} });
    const states = Object.values(adjacency).map((v) => v.state);
    const steps = new Set(states.map((s) => s.context.step));
    expect([...steps].sort()).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const playingSteps = new Set(states.filter(isPlaying).map((s) => s.context.step));
    expect([...playingSteps].sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const flipped = new Set(states.filter((s) => s.context.ketamine !== stepAt(s.context.step).ketamine).map((s) => s.context.step));
    expect([...flipped].sort()).toEqual([2, 3]);
    // 8 steps × {paused, playing on 1–7} × reduced motion on/off, plus the flipped views on 2–3.
    expect(states.length).toBe((8 + 7 + 2 + 2) * 2);
  });
});

describe('synapse machine: paths replayed on a live actor', () => {
  function replay(events: SynapseEvent[], input: SynapseInput = {}) {
    const announced: string[] = [];
    const actor = createActor(
      synapseMachine.provide({
        actions: { announce: ({ context }, params) => void announced.push(announcement(context, params.kind)) },
      }),
      { input },
    ).start();
    for (const event of events) actor.send(event);
    const snapshot = actor.getSnapshot();
    actor.stop();
    return { snapshot, announced };
  }

  it('every shortest path ends in the state the graph predicts, announcing each step change', () => {
    const paths = getShortestPaths(synapseMachine, { events: ALL_EVENTS, input: {} });
    expect(paths.length).toBe(38);
    for (const path of paths) {
      const events = path.steps.map((s) => s.event).filter((e) => !e.type.startsWith('xstate.'));
      const { snapshot, announced } = replay(events);
      expect(snapshot.value).toEqual(path.state.value);
      expect(snapshot.context).toEqual(path.state.context);
      assertStateInvariants(snapshot);
      // Announced once per step change, never on load.
      let changes = 0;
      let step = 1;
      let ketamine = false;
      for (const s of path.steps.slice(1)) {
        if (s.state.context.step !== step || s.state.context.ketamine !== ketamine) changes++;
        step = s.state.context.step;
        ketamine = s.state.context.ketamine;
      }
      expect(announced.length).toBe(changes);
    }
  });

  it('every simple path of play / pause / tick / hide from step 6 keeps playback in range', () => {
    const events: SynapseEvent[] = [{ type: 'PLAY' }, { type: 'PAUSE' }, { type: 'TICK' }, { type: 'VISIBILITY_HIDDEN' }, { type: 'NEXT' }];
    const paths = getSimplePaths(synapseMachine, { events, input: { initialStep: 6 } });
    expect(paths.length).toBeGreaterThan(10);
    for (const path of paths) {
      for (const { state } of path.steps) assertStateInvariants(state);
      const { snapshot } = replay(path.steps.map((s) => s.event).filter((e) => !e.type.startsWith('xstate.')), { initialStep: 6 });
      expect(snapshot.context).toEqual(path.state.context);
    }
    // Hundreds of paths replayed: seconds when the machine is idle, more on a busy shared one.
  }, 90_000);
});

describe('synapse machine: timer, announcements, input', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('starts paused (no autoplay) at the clamped initial step', () => {
    for (const [initialStep, expected] of [[undefined, 1], [3, 3], [0, 1], [12, 8], [Number.NaN, 1]] as const) {
      const actor = createActor(synapseMachine, { input: { initialStep } }).start();
      expect(actor.getSnapshot().value).toBe('paused');
      expect(actor.getSnapshot().context.step).toBe(expected);
      actor.stop();
    }
    expect(clampStep(3.6)).toBe(4);
  });

  it('plays one step per interval, stops at the last step, and leaves no timer behind', () => {
    vi.useFakeTimers();
    const announced: string[] = [];
    const actor = createActor(
      synapseMachine.provide({ actions: { announce: ({ context }, p) => void announced.push(announcement(context, p.kind)) } }),
      { input: { intervalMs: 1000 } },
    ).start();
    expect(vi.getTimerCount()).toBe(0);
    actor.send({ type: 'PLAY' });
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(999);
    expect(actor.getSnapshot().context.step).toBe(1);
    vi.advanceTimersByTime(1);
    expect(actor.getSnapshot().context.step).toBe(2);
    vi.advanceTimersByTime(60_000);
    expect(actor.getSnapshot().context.step).toBe(8);
    expect(actor.getSnapshot().value).toBe('paused');
    expect(vi.getTimerCount()).toBe(0);
    expect(announced).toEqual(SYNAPSE_STEPS.slice(1).map((s, i) => `Step ${i + 2} of 8: ${s.caption}.${i + 2 === 8 ? ' Last step.' : ''}`));
    // Play at the end starts again from step 1.
    actor.send({ type: 'PLAY' });
    expect(actor.getSnapshot().context.step).toBe(1);
    expect(actor.getSnapshot().value).toBe('playing');
    actor.stop();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('PAUSE and VISIBILITY_HIDDEN clear the timer', () => {
    vi.useFakeTimers();
    const actor = createActor(synapseMachine, { input: {} }).start();
    for (const stop of ['PAUSE', 'VISIBILITY_HIDDEN'] as const) {
      actor.send({ type: 'PLAY' });
      vi.advanceTimersByTime(DEFAULT_INTERVAL_MS);
      const step = actor.getSnapshot().context.step;
      actor.send({ type: stop });
      expect(actor.getSnapshot().value).toBe('paused');
      expect(vi.getTimerCount()).toBe(0);
      vi.advanceTimersByTime(DEFAULT_INTERVAL_MS * 10);
      expect(actor.getSnapshot().context.step).toBe(step);
    }
    actor.stop();
  });

  it('toggles the comparison only where available and announces the view', () => {
    const announced: string[] = [];
    const actor = createActor(
      synapseMachine.provide({ actions: { announce: ({ context }, p) => void announced.push(announcement(context, p.kind)) } }),
      { input: { initialStep: 2 } },
    ).start();
    expect(actor.getSnapshot().context.ketamine).toBe(false);
    actor.send({ type: 'TOGGLE_COMPARE' });
    expect(actor.getSnapshot().context.ketamine).toBe(true);
    expect(announced.at(-1)).toBe('Showing: with ketamine.');
    actor.send({ type: 'NEXT' });
    expect(actor.getSnapshot().context.ketamine).toBe(true); // step 3's default view
    actor.send({ type: 'TOGGLE_COMPARE' });
    expect(actor.getSnapshot().context.ketamine).toBe(false);
    expect(announced.at(-1)).toBe('Showing: without ketamine.');
    actor.send({ type: 'NEXT' });
    const count = announced.length;
    actor.send({ type: 'TOGGLE_COMPARE' });
    expect(actor.getSnapshot().context.ketamine).toBe(true);
    expect(announced.length).toBe(count);
    actor.stop();
  });

  it('takes reduced motion from input and SET_REDUCED_MOTION', () => {
    const actor = createActor(synapseMachine, { input: { reducedMotion: true } }).start();
    expect(actor.getSnapshot().context.reducedMotion).toBe(true);
    actor.send({ type: 'SET_REDUCED_MOTION', value: false });
    expect(actor.getSnapshot().context.reducedMotion).toBe(false);
    actor.stop();
  });
});

describe('driven by a deck', () => {
  // The deck machine owns next/previous on a slide and gives the diagram its step (GOTO, through
  // the `step` prop): each step it gives is said as if the reader had pressed Next, and a step the
  // diagram already shows is not said again.
  it('announces each step it is sent to, once, and never one it already shows', () => {
    const said: string[] = [];
    const actor = createActor(
      synapseMachine.provide({ actions: { announce: ({ context }, { kind }) => void said.push(announcement(context, kind)) } }),
      { input: {} },
    ).start();
    for (let step = 2; step <= STEP_COUNT; step++) actor.send({ type: 'GOTO', step });
    actor.send({ type: 'GOTO', step: STEP_COUNT });
    expect(said).toHaveLength(STEP_COUNT - 1);
    expect(said[0]).toBe(`Step 2 of ${STEP_COUNT}: ${stepAt(2).caption}.`);
    expect(said.at(-1)).toMatch(/ Last step\.$/);
    for (let step = STEP_COUNT - 1; step >= 1; step--) actor.send({ type: 'GOTO', step });
    expect(said).toHaveLength(2 * (STEP_COUNT - 1));
    expect(actor.getSnapshot().context.step).toBe(1);
    actor.stop();
  });
});
