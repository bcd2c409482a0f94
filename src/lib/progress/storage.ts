// The storage adapter: the only code that touches localStorage. Every call may throw
// (private mode, disabled storage, quota), so each is wrapped and reported, never thrown.

export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export type WriteResult = 'ok' | 'quota' | 'unavailable';

/** The browser's localStorage if it can be read and written, otherwise null. */
export function browserStorage(): StorageLike | null {
  try {
    const storage = globalThis.localStorage;
    if (!storage) return null;
    const probe = '__course_probe__';
    storage.setItem(probe, '1');
    storage.removeItem(probe);
    return storage;
  } catch {
    return null;
  }
}

export function safeRead(storage: StorageLike | null, key: string): { ok: true; value: string | null } | { ok: false } {
  if (!storage) return { ok: false };
  try {
    return { ok: true, value: storage.getItem(key) };
  } catch {
    return { ok: false };
  }
}

export function safeWrite(storage: StorageLike | null, key: string, value: string): WriteResult {
  if (!storage) return 'unavailable';
  try {
    storage.setItem(key, value);
    return 'ok';
  } catch (error) {
    // QuotaExceededError in every current browser (Firefox once said NS_ERROR_DOM_QUOTA_REACHED).
    return /quota/i.test((error as Error)?.name) ? 'quota' : 'unavailable';
  }
}

export function safeRemove(storage: StorageLike | null, key: string): boolean {
  if (!storage) return false;
  try {
    storage.removeItem(key);
    return true;
  } catch {
    return false;
  }
}
