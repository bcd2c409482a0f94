// Tab-long storage, for what must last only as long as this tab: session storage when it can be
// written, else the window's name (browsers keep it across the pages of this site in the same tab,
// and clear it when the tab goes to another site). The progress store writes here when the
// device's storage refuses, so "kept in this tab until you close it" is true. Part of the storage
// door (./storage.ts), apart only so pages that never keep progress do not carry it.
import { PREFIX, session, type StorageLike } from './storage';

/** The window's name as a last resort: one JSON object after our prefix. A name set by someone
 *  else (a named deck window) is left alone: then this throws, like storage that is off. */
function named(): Record<string, string | undefined> {
  const name = window.name;
  if (name && !name.startsWith(PREFIX)) throw 0; // someone else's name: leave it
  return name ? JSON.parse(name.slice(PREFIX.length)) : {};
}
const name = (key: string, value?: string) => (window.name = PREFIX + JSON.stringify({ ...named(), [key]: value }));

function attempt<T>(call: () => T): T | null {
  try {
    return call();
  } catch {
    return null;
  }
}

/** Tab-long storage: session storage where it can be written, else the window's name. */
export const tab: StorageLike = {
  getItem: (key) => attempt(() => session.getItem(key)) ?? named()[key] ?? null,
  setItem(key, value) {
    try {
      session.setItem(key, value);
    } catch {
      name(key, value);
    }
  },
  removeItem(key) {
    attempt(() => session.removeItem(key));
    if (named()[key] !== undefined) name(key);
  },
};
