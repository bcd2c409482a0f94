import { describe, expect, it } from 'vitest';
import { createActor, type SnapshotFrom } from 'xstate';
import { adjacencyMapToArray, getAdjacencyMap, getShortestPaths } from '@xstate/graph';
import {
  changeKinds,
  clampNav,
  compareVersions,
  createContext,
  deckMachine,
  initialNav,
  stateMessage,
  type DeckEvent,
  type DeckInput,
  type DeckMessage,
  type DeckRecord,
} from '../../../src/features/deck/deck.machine';
import { parseDeckMessage, parseDeckRecord } from '../../../src/features/deck/deck.types';

// A small deck with every feature: a title slide, a slide with 2 fragments, a slide with a
// 3-step stepper, a slide with 1 fragment.
const FRAGMENTS = [0, 2, 0, 1];
const STEPPERS = [0, 0, 3, 0];
const INPUT: DeckInput = { deck: 'demo', id: 'me', fragments: FRAGMENTS, stepperMax: STEPPERS };
const TOTAL = FRAGMENTS.length;

const remote = (clock: number, nav: Partial<ReturnType<typeof initialNav>>, from = 'zz'): DeckMessage => ({
  v: 1,
  type: 'state',
  deck: 'demo',
  total: TOTAL,
  from,
  version: { clock, from },
  nav: { ...initialNav(TOTAL), ...nav },
});

// Every event the keyboard, the buttons, the overview, the diagram and the channel can send,
// invalid ones included.
const ALL_EVENTS: DeckEvent[] = [
  { type: 'NEXT' },
  { type: 'PREVIOUS' },
  { type: 'FIRST' },
  { type: 'LAST' },
  ...[0, 1, 3, 4, -1, 1.5].map((index) => ({ type: 'GOTO' as const, index })),
  { type: 'GOTO', index: 1, fragment: 'all' },
  { type: 'GOTO', index: 1, fragment: 9 },
  ...[1, 2, 3, 4, 0].map((step) => ({ type: 'STEPPER' as const, index: 2, step })),
  { type: 'STEPPER', index: 1, step: 2 },
  { type: 'TOGGLE_BLANK' },
  { type: 'TOGGLE_OVERVIEW' },
  { type: 'OVERVIEW_MOVE', by: 1 },
  { type: 'OVERVIEW_MOVE', by: -1 },
  { type: 'OVERVIEW_MOVE', by: 3 },
  { type: 'OVERVIEW_PICK' },
  { type: 'OVERVIEW_PICK', index: 3 },
  { type: 'TOGGLE_HELP' },
  { type: 'ESCAPE' },
  { type: 'CLOSE' },
  { type: 'CONNECT' },
  // A newer remote state, an older one, a malformed-bounds one, another deck's, a hello.
  { type: 'RECEIVE', message: remote(50, { index: 3, fragment: 1, steps: [1, 1, 2, 1] }) },
  { type: 'RECEIVE', message: remote(0, { index: 2 }, 'aa') },
  { type: 'RECEIVE', message: remote(60, { index: 1, fragment: 7, steps: [1, 1, 99, 1], blank: true }) },
  { type: 'RECEIVE', message: { ...remote(70, { index: 1 }), deck: 'other' } },
  { type: 'RECEIVE', message: { v: 1, type: 'hello', deck: 'demo', total: TOTAL, from: 'zz' } },
];

type Snap = SnapshotFrom<typeof deckMachine>;
const key = (s: Snap) => JSON.stringify({ value: s.value, nav: s.context.nav, o: s.context.overviewIndex });

// `expect` is slow over ~17 000 edges; this checks cheaply and calls `expect` only on a failure,
// so the message is still vitest's.
function check<T>(actual: T) {
  return {
    toBe: (e: T) => void (Object.is(actual, e) || expect(actual).toBe(e)),
    toEqual: (e: unknown) => void (JSON.stringify(actual) === JSON.stringify(e) || expect(actual).toEqual(e)),
    toContain: (e: unknown) => void ((actual as unknown[]).includes(e) || expect(actual).toContain(e)),
    toHaveLength: (n: number) => void ((actual as unknown[]).length === n || expect(actual).toHaveLength(n)),
    toBeGreaterThan: (n: number) => void ((actual as number) > n || expect(actual).toBeGreaterThan(n)),
    toBeLessThanOrEqual: (n: number) => void ((actual as number) <= n || expect(actual).toBeLessThanOrEqual(n)),
  };
}

function assertInvariants(s: Snap) {
  const { nav, overviewIndex, total, fragments, stepperMax, version } = s.context;
  check(s.status).toBe('active');
  check(['slides', 'overview', 'help']).toContain(s.value);
  check(Number.isInteger(nav.index) && nav.index >= 0 && nav.index < total).toBe(true);
  check(Number.isInteger(nav.fragment) && nav.fragment >= 0 && nav.fragment <= fragments[nav.index]).toBe(true);
  check(nav.steps).toHaveLength(total);
  nav.steps.forEach((step, i) => {
    check(Number.isInteger(step) && step >= 1).toBe(true);
    check(step).toBeLessThanOrEqual(Math.max(1, stepperMax[i]));
  });
  check(typeof nav.blank).toBe('boolean');
  check(overviewIndex >= 0 && overviewIndex < total).toBe(true);
  check(Number.isInteger(version.clock) && version.clock >= 0).toBe(true);
}

describe('deck machine: every transition (adjacency map)', () => {
  const adjacency = getAdjacencyMap(deckMachine, { events: ALL_EVENTS, input: INPUT, serializeState: key as never });
  const edges = adjacencyMapToArray(adjacency);

  it('reaches every position, panel and blank state', () => {
    const states = new Set(edges.map((e) => key(e.nextState)));
    // 4 slides: 1 + 3 + 1·3 stepper steps + 2 positions … times blank, panels, highlight.
    expect(states.size).toBeGreaterThan(300);
    const positions = new Set(edges.map((e) => `${e.nextState.context.nav.index}.${e.nextState.context.nav.fragment}`));
    expect([...positions].sort()).toEqual(['0.0', '1.0', '1.1', '1.2', '2.0', '3.0', '3.1']);
    const steps = new Set(edges.map((e) => e.nextState.context.nav.steps[2]));
    expect([...steps].sort()).toEqual([1, 2, 3]);
  });

  it(`holds the invariants on every edge (${edges.length} edges)`, () => {
    expect(edges.length).toBeGreaterThan(5000);
    for (const { state, event, nextState } of edges) {
      assertInvariants(state);
      assertInvariants(nextState);
      const a = state.context;
      const b = nextState.context;
      const navChanged = JSON.stringify(a.nav) !== JSON.stringify(b.nav);
      // A change of place is always a newer version; standing still never writes one.
      if (navChanged) check(compareVersions(b.version, a.version)).toBeGreaterThan(0);
      else check(b.version).toEqual(a.version);
      const from = state.value as string;
      switch (event.type) {
        case 'NEXT':
        case 'PREVIOUS': {
          if (from === 'slides') {
            if (a.nav.blank) {
              // Blanked: the first press only brings the slide back.
              check(b.nav).toEqual({ ...a.nav, blank: false });
            } else if (event.type === 'NEXT') {
              const hasFragment = a.nav.fragment < a.fragments[a.nav.index];
              // The diagram's steps come after the fragments and before the next slide.
              const hasStep = a.nav.steps[a.nav.index] < STEPPERS[a.nav.index];
              if (hasFragment) check([b.nav.index, b.nav.fragment]).toEqual([a.nav.index, a.nav.fragment + 1]);
              else if (hasStep) check(b.nav).toEqual({ ...a.nav, steps: a.nav.steps.map((s, i) => (i === a.nav.index ? s + 1 : s)) });
              else if (a.nav.index < TOTAL - 1) check([b.nav.index, b.nav.fragment]).toEqual([a.nav.index + 1, 0]);
              else check(navChanged).toBe(false);
            } else {
              const hasStep = STEPPERS[a.nav.index] > 0 && a.nav.steps[a.nav.index] > 1;
              if (a.nav.fragment > 0) check([b.nav.index, b.nav.fragment]).toEqual([a.nav.index, a.nav.fragment - 1]);
              else if (hasStep) check(b.nav).toEqual({ ...a.nav, steps: a.nav.steps.map((s, i) => (i === a.nav.index ? s - 1 : s)) });
              else if (a.nav.index > 0)
                // Back to a slide: all its fragments show.
                check([b.nav.index, b.nav.fragment]).toEqual([a.nav.index - 1, a.fragments[a.nav.index - 1]]);
              else check(navChanged).toBe(false);
            }
          } else {
            // In the overview they move the highlight; in help they do nothing.
            check(navChanged).toBe(false);
            if (from === 'overview') {
              const by = event.type === 'NEXT' ? 1 : -1;
              check(b.overviewIndex).toBe(Math.min(Math.max(a.overviewIndex + by, 0), TOTAL - 1));
            }
          }
          check(nextState.value as string).toBe(from);
          break;
        }
        case 'FIRST':
        case 'LAST':
          if (from === 'slides') {
            check(b.nav.index).toBe(event.type === 'FIRST' ? 0 : TOTAL - 1);
            check(b.nav.fragment).toBe(0);
          } else check(navChanged).toBe(false);
          break;
        case 'GOTO':
          if (from === 'help') check(navChanged).toBe(false);
          else if (Number.isInteger(event.index) && event.index >= 0 && event.index < TOTAL) {
            check(b.nav.index).toBe(event.index);
            check(b.nav.blank).toBe(false);
            check(nextState.value as string).toBe('slides');
          } else check(b.nav).toEqual(a.nav);
          break;
        case 'STEPPER': {
          const valid = STEPPERS[event.index] > 0 && event.step >= 1 && event.step <= STEPPERS[event.index];
          check(b.nav.steps[event.index]).toBe(valid ? event.step : a.nav.steps[event.index]);
          check([b.nav.index, b.nav.fragment, b.nav.blank]).toEqual([a.nav.index, a.nav.fragment, a.nav.blank]);
          break;
        }
        case 'TOGGLE_BLANK':
          // Blank toggles in every panel and moves nothing else.
          check(b.nav).toEqual({ ...a.nav, blank: !a.nav.blank });
          check(nextState.value as string).toBe(from);
          break;
        case 'TOGGLE_OVERVIEW':
          check(navChanged).toBe(false);
          check(nextState.value as string).toBe(from === 'slides' ? 'overview' : from === 'overview' ? 'slides' : 'help');
          if (from === 'slides') check(b.overviewIndex).toBe(a.nav.index);
          break;
        case 'ESCAPE':
          check(navChanged).toBe(false);
          check(nextState.value as string).toBe(from === 'slides' ? 'overview' : 'slides');
          break;
        case 'CLOSE':
          check(navChanged).toBe(false);
          check(nextState.value as string).toBe('slides');
          break;
        case 'TOGGLE_HELP':
          check(navChanged).toBe(false);
          check(nextState.value as string).toBe(from === 'help' ? 'slides' : 'help');
          break;
        case 'OVERVIEW_MOVE':
          check(navChanged).toBe(false);
          if (from === 'overview') check(b.overviewIndex).toBe(Math.min(Math.max(a.overviewIndex + event.by, 0), TOTAL - 1));
          break;
        case 'OVERVIEW_PICK':
          if (from === 'overview') {
            check(nextState.value as string).toBe('slides');
            check(b.nav.index).toBe(event.index ?? a.overviewIndex);
          } else check(navChanged).toBe(false);
          break;
        case 'CONNECT':
          check(navChanged).toBe(false);
          break;
        case 'RECEIVE': {
          const m = event.message;
          const adopt = m.type === 'state' && m.deck === 'demo' && compareVersions(m.version, a.version) > 0;
          if (adopt) {
            check(b.version).toEqual(m.version);
            // Adopted, but within this deck's bounds.
            check(b.nav).toEqual(clampNav(a, m.nav));
          } else check(b.nav).toEqual(a.nav);
          // A remote change never opens or closes a local panel.
          check(nextState.value as string).toBe(from);
          break;
        }
      }
    }
  });
});

describe('deck machine: replaying the shortest path to every state, with effects', () => {
  const paths = getShortestPaths(deckMachine, { events: ALL_EVENTS, input: INPUT, serializeState: key as never });

  it(`broadcasts each local change once, persists every change, announces what changed (${paths.length} paths)`, () => {
    expect(paths.length).toBeGreaterThan(300);
    for (const path of paths) {
      const sent: DeckMessage[] = [];
      const stored: DeckRecord[] = [];
      const announced: string[] = [];
      const focused: string[] = [];
      const actor = createActor(
        deckMachine.provide({
          actions: {
            broadcast: (_, { message }) => sent.push(message),
            persist: (_, { record }) => stored.push(record),
            announce: (_, { kind }) => announced.push(kind),
            focus: (_, { target }) => focused.push(target),
          },
        }),
        { input: INPUT },
      ).start();
      for (const step of path.steps) {
        const before = actor.getSnapshot();
        sent.length = 0;
        stored.length = 0;
        announced.length = 0;
        focused.length = 0;
        actor.send(step.event);
        const after = actor.getSnapshot();
        const a = before.context;
        const b = after.context;
        const changed = JSON.stringify(a.nav) !== JSON.stringify(b.nav);
        const local = step.event.type !== 'RECEIVE';
        if (changed) {
          expect(stored).toEqual([{ v: 1, total: TOTAL, version: b.version, nav: b.nav }]);
          expect(announced).toEqual(changeKinds(a.nav, b.nav));
          if (a.nav.index !== b.nav.index) expect(focused).toContain('slide');
        } else {
          expect(stored).toEqual([]);
          // Next at the very end and previous at the very start say so; nothing else that stands still speaks.
          const edge =
            before.value === 'slides' && (step.event.type === 'NEXT' || step.event.type === 'PREVIOUS')
              ? [step.event.type === 'NEXT' ? 'last' : 'first']
              : [];
          expect(announced).toEqual(edge);
        }
        const states = sent.filter((m) => m.type === 'state');
        if (step.event.type === 'CONNECT') {
          expect(sent.map((m) => m.type)).toEqual(['hello', 'state']);
        } else if (step.event.type === 'RECEIVE' && step.event.message.type === 'hello') {
          // A newcomer is told where the deck is.
          expect(states).toEqual([stateMessage(b)]);
        } else if (local && changed) {
          expect(states).toEqual([stateMessage(b)]);
          expect(states[0].version.from).toBe('me');
        } else expect(sent).toEqual([]);
        if (before.value !== 'overview' && after.value === 'overview') expect(focused).toContain('overview');
        if (before.value !== 'help' && after.value === 'help') expect(focused).toContain('help');
        if (before.value !== 'slides' && after.value === 'slides') expect(focused).toContain('deck');
      }
      expect(actor.getSnapshot().value).toBe(path.state.value);
      expect(actor.getSnapshot().context.nav).toEqual(path.state.context.nav);
      actor.stop();
    }
  });
});

describe('deck machine: starting', () => {
  it('starts at the first slide without a record or URL', () => {
    const c = createContext(INPUT);
    expect(c.nav).toEqual(initialNav(TOTAL));
    expect(c.version).toEqual({ clock: 0, from: '' });
  });

  it('resumes from a stored record of the same deck size', () => {
    const record: DeckRecord = { v: 1, total: TOTAL, version: { clock: 7, from: 'x' }, nav: { ...initialNav(TOTAL), index: 3, fragment: 1 } };
    const c = createContext({ ...INPUT, record });
    expect(c.nav.index).toBe(3);
    expect(c.version).toEqual({ clock: 7, from: 'x' });
    // A record from a deck of another size (the lesson changed) is ignored.
    expect(createContext({ ...INPUT, record: { ...record, total: 9 } }).nav.index).toBe(0);
  });

  it('a URL naming the stored slide keeps the record; another slide is a new navigation', () => {
    const record: DeckRecord = { v: 1, total: TOTAL, version: { clock: 7, from: 'x' }, nav: { ...initialNav(TOTAL), index: 1, fragment: 2 } };
    const same = createContext({ ...INPUT, record, start: 1 });
    expect(same.nav.fragment).toBe(2);
    expect(same.version.clock).toBe(7);
    const other = createContext({ ...INPUT, record, start: 3 });
    expect([other.nav.index, other.nav.fragment]).toEqual([3, 0]);
    expect(other.version).toEqual({ clock: 8, from: 'me' });
    // An out-of-range URL is ignored.
    expect(createContext({ ...INPUT, start: 40 }).nav.index).toBe(0);
  });

  it('clamps a stored position that no longer fits', () => {
    const c = createContext({
      ...INPUT,
      record: { v: 1, total: TOTAL, version: { clock: 1, from: 'x' }, nav: { index: 1, fragment: 5, steps: [1, 1, 9, 1], blank: false } },
    });
    expect(c.nav.fragment).toBe(2);
    expect(c.nav.steps[2]).toBe(3);
  });

  it('a deck with no slides still has one', () => {
    expect(createContext({ deck: 'x', id: 'a', fragments: [] }).total).toBe(1);
  });
});

describe('deck messages and records are validated', () => {
  const good = remote(3, { index: 2 });
  it('accepts a well-formed state and hello', () => {
    expect(parseDeckMessage(JSON.parse(JSON.stringify(good)))).toEqual(good);
    expect(parseDeckMessage({ v: 1, type: 'hello', deck: 'demo', total: 4, from: 'a' })).toEqual({
      v: 1,
      type: 'hello',
      deck: 'demo',
      total: 4,
      from: 'a',
    });
  });
  it.each([
    ['null', null],
    ['a string', 'next'],
    ['another protocol version', { ...good, v: 2 }],
    ['an unknown type', { ...good, type: 'goto' }],
    ['an index out of range', { ...good, nav: { ...good.type === 'state' && good.nav, index: 4 } }],
    ['a fractional fragment', { ...good, nav: { ...good.type === 'state' && good.nav, fragment: 0.5 } }],
    ['steps of the wrong length', { ...good, nav: { ...good.type === 'state' && good.nav, steps: [1] } }],
    ['a step of 0', { ...good, nav: { ...good.type === 'state' && good.nav, steps: [1, 0, 1, 1] } }],
    ['a missing version', { ...good, version: undefined }],
    ['a negative clock', { ...good, version: { clock: -1, from: 'a' } }],
    ['a silly total', { ...good, total: 1e9 }],
  ])('rejects %s', (_, message) => {
    expect(parseDeckMessage(message)).toBeNull();
  });
  it('records: accepts its own output, rejects corrupt ones', () => {
    const c = createContext(INPUT);
    const record = { v: 1 as const, total: TOTAL, version: c.version, nav: c.nav };
    expect(parseDeckRecord(JSON.parse(JSON.stringify(record)))).toEqual(record);
    expect(parseDeckRecord({ ...record, nav: { ...record.nav, blank: 'no' } })).toBeNull();
    expect(parseDeckRecord({ ...record, v: 0 })).toBeNull();
    expect(parseDeckRecord([])).toBeNull();
  });
});
