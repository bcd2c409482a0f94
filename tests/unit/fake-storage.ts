// An in-memory localStorage with switchable faults, shared by "tabs" that receive storage events
// from each other (never from themselves), as browsers do.
import type { StorageLike } from '../../src/lib/progress/storage';

export type Fault = 'none' | 'throw' | 'quota';
type StorageEventLike = { key: string | null; newValue: string | null };

export class SharedStorage {
  data = new Map<string, string>();
  fault: Fault = 'none';
  private tabs = new Map<number, (event: StorageEventLike) => void>();

  private check(write: boolean): void {
    if (this.fault === 'throw') throw new DOMException('The operation is insecure.', 'SecurityError');
    if (write && this.fault === 'quota') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
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
