// The browser's progress store: one per page, on the storage door's device and tab storage, and
// connected to the storage event so tabs agree.
import { local } from '../../platform/storage';
import { tab } from '../../platform/tab';
import { createProgressStore, type ProgressStore } from './store';

export * from './record';
export * from './merge';
export * from './store';

let shared: ProgressStore | undefined;

export function progress(): ProgressStore {
  if (!shared) {
    const store = createProgressStore({ storage: local, tab });
    addEventListener('storage', (event) => store.onStorage(event));
    shared = store;
  }
  return shared;
}
