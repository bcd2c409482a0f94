// The browser's progress store: one per page, connected to the storage event so tabs agree.
import { browserStorage } from './storage';
import { createProgressStore, type ProgressStore } from './store';

export * from './record';
export * from './store';

let shared: ProgressStore | undefined;

export function progress(): ProgressStore {
  if (!shared) {
    const store = createProgressStore({ storage: browserStorage() });
    addEventListener('storage', (event) => store.onStorage(event));
    shared = store;
  }
  return shared;
}
