// How deck windows talk: a BroadcastChannel per deck (no server), and a stored record per deck so
// that a reopened window resumes where the deck was. Both are injected, so tests pass an
// in-memory channel and a fake storage; the machine (deck.machine.ts) never sees them.
//
// Every incoming message is validated (parseDeckMessage): another tab of an older build, or any
// script of this origin, may post on the channel.
import { compareVersions } from './deck.machine';
import { parseDeckMessage, parseDeckRecord, type DeckMessage, type DeckRecord } from './deck.types';
import { key, local, readValue, write } from '../../platform/storage';

export const DECK_KEY_PREFIX = key('deck:');
export const SHORTCUTS_KEY = key('deck-shortcuts');

export const channelName = (deck: string) => key(`deck:${deck}`);
export const recordKey = (deck: string) => key(`deck:${deck}`);

/** The part of BroadcastChannel a deck uses. */
export interface ChannelLike {
  postMessage(data: unknown): void;
  close(): void;
  onmessage: ((event: { data: unknown }) => void) | null;
}

export type ChannelFactory = (name: string) => ChannelLike | null;

export interface DeckTransport {
  post(message: DeckMessage): void;
  close(): void;
  /** False when this browser has no BroadcastChannel: the window works alone. */
  readonly connected: boolean;
}

const browserChannel: ChannelFactory = (name) =>
  typeof BroadcastChannel === 'function' ? (new BroadcastChannel(name) as unknown as ChannelLike) : null;

/** Opens the deck's channel; `onMessage` receives only valid messages of this deck. */
export function openDeckChannel(
  deck: string,
  onMessage: (message: DeckMessage) => void,
  create: ChannelFactory = browserChannel,
): DeckTransport {
  let channel: ChannelLike | null = null;
  try {
    channel = create(channelName(deck));
  } catch {
    channel = null;
  }
  if (channel) {
    channel.onmessage = (event) => {
      const message = parseDeckMessage(event?.data);
      if (message && message.deck === deck) onMessage(message);
    };
  }
  return {
    connected: channel !== null,
    post(message) {
      try {
        channel?.postMessage(message);
      } catch {
        // A closed channel (the page is going away): nothing to tell.
      }
    },
    close() {
      if (!channel) return;
      channel.onmessage = null;
      channel.close();
      channel = null;
    },
  };
}

type ReadStorage = Pick<Storage, 'getItem'>;
type WriteStorage = Pick<Storage, 'setItem'>;

/** The stored record of a deck, or null when missing, unreadable or not for this deck's size. */
export function loadDeckRecord(storage: ReadStorage | null | undefined, deck: string, total: number): DeckRecord | null {
  try {
    const raw = readValue(recordKey(deck), storage ?? null);
    if (!raw) return null;
    const record = parseDeckRecord(JSON.parse(raw));
    return record && record.total === total ? record : null;
  } catch {
    return null;
  }
}

/**
 * Stores a deck's record unless the stored one is newer. The stored version is the high-water mark
 * of every window of the deck: a reopened window starts from it, so its next change gets a clock
 * above everything it (or any window) has seen. Overwriting it with an older state (a window that
 * adopts a late message) would let a reopened window reuse a clock for a different state, and
 * last-writer-wins would then keep two "newest" states (issue #11, finding 7).
 */
export function saveDeckRecord(storage: (ReadStorage & WriteStorage) | null | undefined, deck: string, record: DeckRecord): void {
  try {
    const stored = loadDeckRecord(storage, deck, record.total);
    if (stored && compareVersions(stored.version, record.version) >= 0) return;
    write(recordKey(deck), JSON.stringify(record), storage ?? null);
  } catch {
    // Storage off or full: the deck still works; a reopened window starts from the URL.
  }
}

/** The storage to use in a browser (the storage door's: every call may throw, and is caught above). */
export function browserStorage() {
  return local;
}

/** A random id for this window; ties between equal clocks break on it. */
export function newWindowId(random: () => number = Math.random): string {
  return Array.from({ length: 10 }, () => Math.floor(random() * 36).toString(36)).join('');
}
