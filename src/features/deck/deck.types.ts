// Types shared by the deck machine, the sync transport and the deck/presenter components.
// Plain TypeScript, no zod: this ships to the browser. Messages arriving over a BroadcastChannel
// (or read back from storage) are untrusted input and go through `parseDeckMessage` /
// `parseDeckRecord` before the machine sees them.

/** Where a deck is: the part that two windows keep in agreement, and that is remembered. */
export interface DeckNav {
  /** The current slide, 0-based. */
  index: number;
  /** How many fragments of the current slide are shown (0 … fragments[index]). */
  fragment: number;
  /** The step of each slide's stepper (the synapse diagram), 1-based; 1 where a slide has none. */
  steps: number[];
  /** The audience screen is blanked (B). */
  blank: boolean;
}

/**
 * The version of a DeckNav: a Lamport clock and the id of the window that wrote it. Versions are
 * totally ordered (clock first, then id), so every window keeps the newest state it has seen and
 * all windows that have seen the same messages agree (last writer wins).
 */
export interface DeckVersion {
  clock: number;
  from: string;
}

export const DECK_PROTOCOL = 1;

/** "I have just opened: tell me where the deck is." Every other window answers with `state`. */
export interface DeckHelloMessage {
  v: typeof DECK_PROTOCOL;
  type: 'hello';
  deck: string;
  total: number;
  from: string;
}

/** "This is where the deck is, as of this version." */
export interface DeckStateMessage {
  v: typeof DECK_PROTOCOL;
  type: 'state';
  deck: string;
  total: number;
  from: string;
  version: DeckVersion;
  nav: DeckNav;
}

export type DeckMessage = DeckHelloMessage | DeckStateMessage;

/** What is stored so that reopening a window resumes where the deck was. */
export interface DeckRecord {
  v: typeof DECK_PROTOCOL;
  total: number;
  version: DeckVersion;
  nav: DeckNav;
}

export interface DeckInput {
  /** The deck's name (the lesson slug): windows only listen to messages of their own deck. */
  deck: string;
  /** This window's id, unique among the windows of a deck (ties between versions break on it). */
  id: string;
  /** Fragments per slide; its length is the number of slides. */
  fragments: number[];
  /** Steps of each slide's stepper (the diagram has 8); 0 where a slide has none. */
  stepperMax?: number[];
  /** Where to start: a stored record, if it fits this deck. */
  record?: DeckRecord | null;
  /** A slide named by the URL (#5 → 4); when it differs from the record it is a new navigation. */
  start?: number | null;
}

export interface DeckContext {
  deck: string;
  id: string;
  total: number;
  fragments: number[];
  stepperMax: number[];
  nav: DeckNav;
  version: DeckVersion;
  /** The highlighted card while the overview is open. */
  overviewIndex: number;
}

export type DeckEvent =
  | { type: 'NEXT' }
  | { type: 'PREVIOUS' }
  | { type: 'FIRST' }
  | { type: 'LAST' }
  | { type: 'GOTO'; index: number; fragment?: number | 'all' }
  /** A step taken inside a slide's stepper (the diagram's own buttons or step list). */
  | { type: 'STEPPER'; index: number; step: number }
  | { type: 'TOGGLE_BLANK' }
  | { type: 'TOGGLE_OVERVIEW' }
  | { type: 'OVERVIEW_MOVE'; by: number }
  | { type: 'OVERVIEW_PICK'; index?: number }
  | { type: 'TOGGLE_HELP' }
  /** Esc: closes help, else closes the overview, else opens it. */
  | { type: 'ESCAPE' }
  | { type: 'CLOSE' }
  /** Start talking to the other windows: say hello and offer our state. */
  | { type: 'CONNECT' }
  | { type: 'RECEIVE'; message: DeckMessage };

/** What changed, for the live region: the component turns it into words. */
export type DeckAnnounceKind = 'slide' | 'fragment' | 'step' | 'blank' | 'unblank' | 'first' | 'last';
/** Where focus should go: `slide` only when focus would otherwise be lost in a hidden slide. */
export type DeckFocusTarget = 'slide' | 'overview' | 'deck' | 'help';

// ── Validation of untrusted input ─────────────────────────────────────────────────────────────

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isIndex = (x: unknown): x is number => Number.isInteger(x) && (x as number) >= 0;

function parseVersion(x: unknown): DeckVersion | null {
  if (!isObject(x) || !isIndex(x.clock) || typeof x.from !== 'string' || x.from.length > 100) return null;
  return { clock: x.clock, from: x.from };
}

function parseNav(x: unknown, total: number): DeckNav | null {
  if (!isObject(x) || !isIndex(x.index) || !isIndex(x.fragment) || typeof x.blank !== 'boolean') return null;
  if (x.index >= total || !Array.isArray(x.steps) || x.steps.length !== total) return null;
  if (!x.steps.every((s) => Number.isInteger(s) && s >= 1)) return null;
  return { index: x.index, fragment: x.fragment, steps: [...(x.steps as number[])], blank: x.blank };
}

/** A message as sent by a deck of this protocol version, or null. */
export function parseDeckMessage(x: unknown): DeckMessage | null {
  if (!isObject(x) || x.v !== DECK_PROTOCOL || typeof x.deck !== 'string' || typeof x.from !== 'string') return null;
  if (!Number.isInteger(x.total) || (x.total as number) < 1 || (x.total as number) > 1000) return null;
  const total = x.total as number;
  if (x.type === 'hello') return { v: DECK_PROTOCOL, type: 'hello', deck: x.deck, total, from: x.from };
  if (x.type === 'state') {
    const version = parseVersion(x.version);
    const nav = parseNav(x.nav, total);
    if (!version || !nav) return null;
    return { v: DECK_PROTOCOL, type: 'state', deck: x.deck, total, from: x.from, version, nav };
  }
  return null;
}

/** A stored record, or null when it is missing, corrupt or from another version. */
export function parseDeckRecord(x: unknown): DeckRecord | null {
  if (!isObject(x) || x.v !== DECK_PROTOCOL || !Number.isInteger(x.total) || (x.total as number) < 1) return null;
  const total = x.total as number;
  const version = parseVersion(x.version);
  const nav = parseNav(x.nav, total);
  if (!version || !nav) return null;
  return { v: DECK_PROTOCOL, total, version, nav };
}
