import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createActor, type Actor } from 'xstate';
import { deckMachine, type DeckEvent, type DeckMessage } from '../../../src/features/deck/deck.machine';
import {
  channelName,
  loadDeckRecord,
  newWindowId,
  openDeckChannel,
  recordKey,
  saveDeckRecord,
  type ChannelLike,
  type DeckTransport,
} from '../../../src/features/deck/channel';

/** A Map-backed localStorage, shared by the windows of a test (they are one browser). */
function createFakeStorage(): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    key: (i: number) => [...data.keys()][i] ?? null,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, String(v)),
    removeItem: (k: string) => void data.delete(k),
    clear: () => data.clear(),
  };
}

// ── An in-memory BroadcastChannel: each message waits in the receiver's queue until the test
//    delivers it, so a test decides the interleaving. Like BroadcastChannel: no echo to the
//    sender, structured-cloned data, FIFO per receiver.
class MemoryHub {
  channels: MemoryChannel[] = [];
  create = (name: string): ChannelLike => {
    const channel = new MemoryChannel(this, name);
    this.channels.push(channel);
    return channel;
  };
  pending(): number {
    return this.channels.reduce((n, c) => n + c.queue.length, 0);
  }
  flush(limit = 10_000) {
    for (let i = 0; this.pending() > 0; i++) {
      if (i > limit) throw new Error('messages never settle');
      for (const channel of this.channels) channel.deliver();
    }
  }
}
class MemoryChannel implements ChannelLike {
  queue: unknown[] = [];
  closed = false;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  constructor(
    private hub: MemoryHub,
    readonly name: string,
  ) {}
  postMessage(data: unknown) {
    if (this.closed) throw new Error('closed');
    for (const other of this.hub.channels) {
      if (other !== this && !other.closed && other.name === this.name) other.queue.push(structuredClone(data));
    }
  }
  deliver(): boolean {
    const data = this.queue.shift();
    if (data === undefined) return false;
    this.onmessage?.({ data });
    return true;
  }
  close() {
    this.closed = true;
    this.queue = [];
  }
}

const FRAGMENTS = [0, 3, 0, 2, 0];
const STEPPERS = [0, 0, 8, 0, 0];
const DECK = 'demo';

/** A deck window as the components wire it: machine + channel + storage. */
function openWindow(hub: MemoryHub, storage: Storage, id: string, start?: number) {
  let transport: DeckTransport | undefined;
  const actor: Actor<typeof deckMachine> = createActor(
    deckMachine.provide({
      actions: {
        broadcast: (_, { message }) => transport!.post(message),
        persist: (_, { record }) => saveDeckRecord(storage, DECK, record),
      },
    }),
    {
      input: {
        deck: DECK,
        id,
        fragments: FRAGMENTS,
        stepperMax: STEPPERS,
        record: loadDeckRecord(storage, DECK, FRAGMENTS.length),
        start,
      },
    },
  );
  transport = openDeckChannel(DECK, (message) => actor.send({ type: 'RECEIVE', message }), hub.create);
  actor.start();
  actor.send({ type: 'CONNECT' });
  return {
    actor,
    close() {
      transport!.close();
      actor.stop();
    },
  };
}

const LOCAL_EVENTS: DeckEvent[] = [
  { type: 'NEXT' },
  { type: 'PREVIOUS' },
  { type: 'FIRST' },
  { type: 'LAST' },
  { type: 'GOTO', index: 2 },
  { type: 'GOTO', index: 3, fragment: 'all' },
  { type: 'STEPPER', index: 2, step: 4 },
  { type: 'STEPPER', index: 2, step: 8 },
  { type: 'TOGGLE_BLANK' },
  { type: 'TOGGLE_OVERVIEW' },
  { type: 'OVERVIEW_MOVE', by: 1 },
  { type: 'OVERVIEW_PICK' },
  { type: 'ESCAPE' },
  { type: 'TOGGLE_HELP' },
];

type Command =
  | { kind: 'event'; window: number; event: DeckEvent }
  | { kind: 'deliver'; window: number }
  | { kind: 'reopen'; window: number };

const command = (windows: number): fc.Arbitrary<Command> =>
  fc.oneof(
    { weight: 5, arbitrary: fc.record({ kind: fc.constant('event' as const), window: fc.nat(windows - 1), event: fc.constantFrom(...LOCAL_EVENTS) }) },
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('deliver' as const), window: fc.nat(windows - 1) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('reopen' as const), window: fc.nat(windows - 1) }) },
  );

function run(windows: number, commands: Command[]) {
  const hub = new MemoryHub();
  const storage = createFakeStorage();
  const open = Array.from({ length: windows }, (_, i) => openWindow(hub, storage, `w${i}`));
  const channelOf = (i: number) => hub.channels.filter((c) => !c.closed)[i];
  for (const c of commands) {
    if (c.kind === 'event') open[c.window].actor.send(c.event);
    else if (c.kind === 'deliver') channelOf(c.window)?.deliver();
    else {
      // Close the window and open it again (a reload): it resumes from storage and the others.
      open[c.window].close();
      open[c.window] = openWindow(hub, storage, `w${c.window}`);
    }
  }
  hub.flush();
  return open.map((w) => w.actor.getSnapshot().context);
}

// FC_NUM_RUNS (e.g. 20000 for the long run) overrides each property's default number of runs.
const runs = (fallback: number) => Number(process.env.FC_NUM_RUNS) || fallback;

describe('deck sync: windows joined through a channel converge', () => {
  it('two windows agree on slide, fragment, diagram step and blank, whatever the interleaving', () => {
    fc.assert(
      fc.property(fc.array(command(2), { maxLength: 60 }), (commands) => {
        const [a, b] = run(2, commands);
        expect(b.nav).toEqual(a.nav);
        expect(b.version).toEqual(a.version);
      }),
      { numRuns: runs(400) },
    );
  });

  it('three windows (audience, presenter, a reloaded tab) agree too', () => {
    fc.assert(
      fc.property(fc.array(command(3), { maxLength: 60 }), (commands) => {
        const [a, b, c] = run(3, commands);
        expect(b.nav).toEqual(a.nav);
        expect(c.nav).toEqual(a.nav);
      }),
      { numRuns: runs(200) },
    );
  });

  // The shrunk counterexamples of issue #11 (finding 7): a reopened window reused a clock for
  // another state, because a late message had overwritten the stored record with an older one.
  const ev = (window: number, event: DeckEvent): Command => ({ kind: 'event', window, event });
  const reopen = (window: number): Command => ({ kind: 'reopen', window });
  const regressions: Array<[string, Command[]]> = [
    ['0: NEXT, NEXT; 1: NEXT; 0 reopens; 0: GOTO 2', [ev(0, { type: 'NEXT' }), ev(0, { type: 'NEXT' }), ev(1, { type: 'NEXT' }), reopen(0), ev(0, { type: 'GOTO', index: 2 })]],
    ['1: NEXT, NEXT; 0: NEXT; 1 reopens; 1: PREVIOUS', [ev(1, { type: 'NEXT' }), ev(1, { type: 'NEXT' }), ev(0, { type: 'NEXT' }), reopen(1), ev(1, { type: 'PREVIOUS' })]],
    [
      '0: NEXT, LAST; 0 reopens; deliver to 0; 0 reopens; 0: NEXT',
      [ev(0, { type: 'NEXT' }), ev(0, { type: 'LAST' }), reopen(0), { kind: 'deliver', window: 0 }, reopen(0), ev(0, { type: 'NEXT' })],
    ],
  ];
  it.each(regressions)('converges after a reload: %s', (_, commands) => {
    const [a, b] = run(2, commands);
    expect(b.nav).toEqual(a.nav);
    expect(b.version).toEqual(a.version);
  });

  it('the stored record never goes back to an older version', () => {
    const storage = createFakeStorage();
    const newer = { v: 1 as const, total: 2, version: { clock: 5, from: 'a' }, nav: { index: 1, fragment: 0, steps: [1, 1], blank: false } };
    saveDeckRecord(storage, DECK, newer);
    saveDeckRecord(storage, DECK, { ...newer, version: { clock: 4, from: 'z' }, nav: { ...newer.nav, index: 0 } });
    expect(loadDeckRecord(storage, DECK, 2)).toEqual(newer);
  });

  it('with messages delivered at once, each window follows the other step by step', () => {
    const hub = new MemoryHub();
    const storage = createFakeStorage();
    const audience = openWindow(hub, storage, 'audience');
    const presenter = openWindow(hub, storage, 'presenter');
    hub.flush();
    const nav = () => [audience.actor.getSnapshot().context.nav, presenter.actor.getSnapshot().context.nav];
    const steps: Array<[typeof audience, DeckEvent]> = [
      [presenter, { type: 'NEXT' }],
      [audience, { type: 'NEXT' }],
      [presenter, { type: 'NEXT' }],
      [audience, { type: 'STEPPER', index: 2, step: 2 }],
      [presenter, { type: 'TOGGLE_BLANK' }],
      [audience, { type: 'PREVIOUS' }],
    ];
    for (const [window, event] of steps) {
      window.actor.send(event);
      hub.flush();
      const [a, p] = nav();
      expect(p).toEqual(a);
    }
    // PREVIOUS while blanked only brought the slide back.
    expect(nav()[0]).toMatchObject({ index: 1, fragment: 2, blank: false });
    expect(nav()[0].steps[2]).toBe(2);
  });

  it('a window opened later starts where the deck is, even before anyone answers', () => {
    const hub = new MemoryHub();
    const storage = createFakeStorage();
    const audience = openWindow(hub, storage, 'audience');
    audience.actor.send({ type: 'GOTO', index: 3 });
    audience.actor.send({ type: 'NEXT' });
    const presenter = openWindow(hub, storage, 'presenter');
    expect(presenter.actor.getSnapshot().context.nav).toMatchObject({ index: 3, fragment: 1 });
    hub.flush();
    expect(presenter.actor.getSnapshot().context.nav).toEqual(audience.actor.getSnapshot().context.nav);
  });

  it('a shared link to another slide moves the windows already open', () => {
    const hub = new MemoryHub();
    const storage = createFakeStorage();
    const audience = openWindow(hub, storage, 'audience');
    audience.actor.send({ type: 'NEXT' });
    const other = openWindow(hub, storage, 'other', 4);
    hub.flush();
    expect(audience.actor.getSnapshot().context.nav.index).toBe(4);
    expect(other.actor.getSnapshot().context.nav.index).toBe(4);
  });
});

describe('deck sync: the transport', () => {
  it('passes only valid messages of its own deck', () => {
    const hub = new MemoryHub();
    const received: DeckMessage[] = [];
    const transport = openDeckChannel(DECK, (m) => received.push(m), hub.create);
    const sender = hub.create(channelName(DECK));
    const hello = { v: 1, type: 'hello', deck: DECK, total: 5, from: 'x' };
    for (const data of [null, 'next', { type: 'state' }, { ...hello, v: 9 }, { ...hello, deck: 'other' }, hello]) sender.postMessage(data);
    hub.flush();
    expect(received).toEqual([hello]);
    expect(transport.connected).toBe(true);
    transport.close();
  });

  it('works alone when there is no BroadcastChannel, or creating one throws', () => {
    const none = openDeckChannel(DECK, () => {}, () => null);
    expect(none.connected).toBe(false);
    expect(() => none.post({ v: 1, type: 'hello', deck: DECK, total: 1, from: 'a' })).not.toThrow();
    const throwing = openDeckChannel(DECK, () => {}, () => {
      throw new Error('SecurityError');
    });
    expect(throwing.connected).toBe(false);
  });

  it('a closed channel does not throw when the page posts while going away', () => {
    const hub = new MemoryHub();
    const transport = openDeckChannel(DECK, () => {}, hub.create);
    hub.channels[0].closed = true;
    expect(() => transport.post({ v: 1, type: 'hello', deck: DECK, total: 1, from: 'a' })).not.toThrow();
  });
});

describe('deck sync: the stored record', () => {
  const record = { v: 1 as const, total: 2, version: { clock: 3, from: 'a' }, nav: { index: 1, fragment: 0, steps: [1, 1], blank: false } };

  it('round-trips under ketamine-course:deck:<slug>', () => {
    const storage = createFakeStorage();
    saveDeckRecord(storage, 'the-evidence', record);
    expect(storage.getItem(recordKey('the-evidence'))).toContain('"clock":3');
    expect(recordKey('the-evidence')).toBe('ketamine-course:deck:the-evidence');
    expect(loadDeckRecord(storage, 'the-evidence', 2)).toEqual(record);
  });

  it('ignores a record for another deck size, corrupt JSON, and storage that throws', () => {
    const storage = createFakeStorage();
    saveDeckRecord(storage, 'x', record);
    expect(loadDeckRecord(storage, 'x', 3)).toBeNull();
    storage.setItem(recordKey('x'), '{not json');
    expect(loadDeckRecord(storage, 'x', 2)).toBeNull();
    const broken = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(loadDeckRecord(broken, 'x', 2)).toBeNull();
    expect(() => saveDeckRecord(broken, 'x', record)).not.toThrow();
    expect(loadDeckRecord(null, 'x', 2)).toBeNull();
  });

  it('window ids are short random strings', () => {
    expect(newWindowId()).toMatch(/^[0-9a-z]{10}$/);
    expect(newWindowId()).not.toBe(newWindowId());
  });
});
