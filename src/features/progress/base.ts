// The progress store's core: the record in memory, where it is kept, and the one write primitive.
// It merges on every write with what is stored (another tab may have written since), and never
// lets a write fail silently: each write returns where the record is kept now, and `status` is
// the one place that says whether progress can be kept, and why. When the device's storage
// refuses (off, full, a newer version's record), what is earned is kept in this tab
// (src/platform/tab.ts) and the learner is told once (./notices.ts).
// The learning actions (visit, complete, quiz attempts) are in ./store.ts; the progress page,
// which only shows, imports, exports and clears, loads this file alone.
import { local, readValue, remove, write, type StorageLike } from '../../platform/storage';
import { tab as tabStorage } from '../../platform/tab';
import { compactRecord } from './compact';
import { mergeRecords } from './merge';
import { loadProgress, probe, type ProgressProblem } from './peek';
import { PROGRESS_KEY, emptyRecord, readRecord, type ProgressRecord } from './record';

export type { ProgressProblem } from './peek';

/** Where what is earned now is kept: on this device, in this tab until it closes, or only on this page. */
export type Kept = 'device' | 'tab' | 'page';

export interface ProgressStatus {
  kept: Kept;
  /** Why progress is not kept on the device, or what was found or done; null when all is well. */
  problem: ProgressProblem | null;
}

export interface BaseOptions {
  /** The device's storage (local storage through the door), or null when there is none. */
  storage: StorageLike | null;
  /** Where progress goes when the device's storage refuses it (session storage, else the window's name). */
  tab?: StorageLike | null;
  key?: string;
  now?: () => Date;
}

/** Called after every change, with the record and the status after it. */
export type Listener = (record: ProgressRecord, status: ProgressStatus) => void;

/** Problems about where progress is kept, which a successful write on the device ends. */
const KEEPING: ReadonlySet<ProgressProblem | null> = new Set(['unavailable', 'quota', 'off']);

export function createBaseStore({ storage, tab = null, key = PROGRESS_KEY, now = () => new Date() }: BaseOptions) {
  let record = emptyRecord();
  let problem: ProgressProblem | null = null;
  let writable = false;
  let kept: Kept = 'device';
  const listeners = new Set<Listener>();
  const stamp = () => now().toISOString();
  const status = (): ProgressStatus => ({ kept, problem });

  /** Folds what is stored (device and tab) into memory. */
  function pull(): void {
    const loaded = loadProgress({ storage, tab, key }, stamp());
    record = mergeRecords(mergeRecords(record, loaded.record), loaded.copy ?? loaded.record);
    writable = loaded.writable;
    if (loaded.problem) problem = loaded.problem;
    if (!writable) kept = 'tab';
  }

  /** Writes the record (compacted so the reader accepts it) where it can be kept, and says where. */
  function push(): ProgressStatus {
    const compacted = compactRecord(record);
    if (compacted.dropped) {
      record = compacted.record;
      if (!problem || !KEEPING.has(problem)) problem = 'compacted';
    }
    // compactRecord keeps the record within what readRecord accepts (a unit property checks it).
    const json = JSON.stringify(record);
    const result = writable ? write(key, json, storage) : 'unavailable';
    if (result === 'ok') {
      kept = 'device';
      if (KEEPING.has(problem)) problem = null;
      if (readValue(key, tab) !== null) remove(key, tab);
      return status();
    }
    if (writable) problem = result;
    const inTab = write(key, json, tab) === 'ok';
    kept = inTab ? 'tab' : 'page';
    if (!inTab) problem = 'off';
    return status();
  }

  function emit(): void {
    for (const listener of listeners) listener(record, status());
  }

  function start(): void {
    pull();
    if (!problem) {
      const can = probe(storage);
      if (can !== 'ok') problem = can;
      kept = can === 'ok' ? 'device' : 'tab';
    }
  }
  start();

  return {
    get record(): ProgressRecord {
      return record;
    },
    /** Whether progress can be kept now, where, and why not. */
    get status(): ProgressStatus {
      return status();
    },
    /** The ISO time now (the store's clock, so tests can set it). */
    stamp,
    /** Calls `listener` after every change (this tab's or another's); returns the unsubscribe. */
    subscribe(listener: Listener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** The one write: reads what is stored, merges `make(record)` in (so nothing once earned is
     *  lost), writes where it can be kept, tells the listeners, and returns where it is kept. */
    update(make: (record: ProgressRecord) => ProgressRecord): ProgressStatus {
      pull();
      record = mergeRecords(record, make(record));
      const outcome = push();
      emit();
      return outcome;
    },
    /** Folds another record in (an import): completions only ever grow. */
    merge(other: ProgressRecord): ProgressStatus {
      return this.update(() => other);
    },
    /** Forgets everything on this device and in this tab, on the learner's explicit request. */
    clear(): ProgressStatus {
      record = emptyRecord();
      remove(key, storage);
      remove(key, tab);
      problem = null;
      start();
      emit();
      return status();
    },
    /** The storage event: another tab wrote or cleared the record. */
    onStorage(event: { key: string | null; newValue: string | null }): void {
      if (event.key !== null && event.key !== key) return;
      if (event.newValue === null) {
        // Cleared elsewhere (the learner asked for it there): forget here too, this tab's copy included.
        record = emptyRecord();
        remove(key, tab);
      } else {
        const outcome = readRecord(event.newValue, stamp());
        if (outcome.kind !== 'invalid') record = mergeRecords(record, outcome.record);
      }
      emit();
    },
  };
}

export type BaseStore = ReturnType<typeof createBaseStore>;

let shared: BaseStore | undefined;

/** This page's store, on the storage door's device and tab storage, connected to the storage
 *  event so tabs agree. ./index.ts `progress()` adds the learning actions to the same store. */
export function progressBase(): BaseStore {
  if (!shared) {
    const store = createBaseStore({ storage: local, tab: tabStorage });
    addEventListener('storage', (event) => store.onStorage(event));
    shared = store;
  }
  return shared;
}
