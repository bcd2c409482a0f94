// An in-memory localStorage with switchable faults, shared by "tabs" that receive storage events
// from each other (never from themselves), as browsers do. Each tab also has its own tab-long
// storage (sessionStorage's part), which can fail on its own.
import type { StorageLike } from '../../src/platform/storage';

/** none; throw: every call throws (a getter that throws, storage off); quota: every write is refused. */
export type Fault = 'none' | 'throw' | 'quota';
type StorageEventLike = { key: string | null; newValue: string | null };

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

export class SharedStorage {
  data = new Map<string, string>();
  fault: Fault = 'none';
  /** Writes left before every write is refused as over quota (null: no limit). */
  writesLeft: number | null = null;
  /** Counts every write attempt, refused or not. */
  attempts = 0;
  private tabs = new Map<number, (event: StorageEventLike) => void>();

  private check(write: boolean): void {
    if (this.fault === 'throw') throw new DOMException('The operation is insecure.', 'SecurityError');
    if (!write) return;
    this.attempts++;
    if (this.fault === 'quota') throw quota();
    if (this.writesLeft !== null) {
      if (this.writesLeft <= 0) throw quota();
      this.writesLeft--;
    }
  }

  private broadcast(from: number, event: StorageEventLike): void {
    for (const [id, listener] of this.tabs) if (id !== from) listener(event);
  }

  /** A tab's view of the storage; `onEvent` receives the other tabs' writes. */
  tab(id: number, onEvent: (event: StorageEventLike) => void = () => {}): StorageLike & { listen(fn: (e: StorageEventLike) => void): void } {
    this.tabs.set(id, onEvent);
    return {
      listen: (fn) => this.tabs.set(id, fn),
      getItem: (key) => {
        this.check(false);
        return this.data.get(key) ?? null;
      },
      setItem: (key, value) => {
        this.check(true);
        this.data.set(key, value);
        this.broadcast(id, { key, newValue: value });
      },
      removeItem: (key) => {
        this.check(false);
        this.data.delete(key);
        this.broadcast(id, { key, newValue: null });
      },
    };
  }
}

/** A tab's own storage (as sessionStorage or the window's name): no events, its own faults. */
export class TabStorage implements StorageLike {
  data = new Map<string, string>();
  fault: Fault = 'none';
  getItem(key: string): string | null {
    if (this.fault === 'throw') throw new DOMException('The operation is insecure.', 'SecurityError');
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.fault === 'throw') throw new DOMException('The operation is insecure.', 'SecurityError');
    if (this.fault === 'quota') throw quota();
    this.data.set(key, value);
  }
  removeItem(key: string): void {
    if (this.fault === 'throw') throw new DOMException('The operation is insecure.', 'SecurityError');
    this.data.delete(key);
  }
}
