// Reading progress: what the store and the read-only pages (the course path, what I learned, the
// certificate) share, so that every page shows the same record and names the same problem.
// Reading never depends on writing: a record is shown whether or not anything can be written.
import { key, local, read, readValue, remove, write, type StorageLike } from '../../platform/storage';
import { tab } from '../../platform/tab';
import { PROGRESS_KEY, emptyRecord, readRecord, type ProgressRecord } from './record';

/** Why new progress cannot be kept on this device, or what was found. null: all is well.
 *  The words for each are in ./notices.ts. */
export type ProgressProblem =
  | 'unavailable' // storage here is off or throws: progress is kept in this tab until it closes
  | 'quota' // storage is full: what was saved is shown; new progress is kept in this tab
  | 'off' // nothing can be kept, not even in this tab: progress lasts only on this page
  | 'newer' // a newer version of the course saved progress: shown, never written over
  | 'recovered' // unreadable saved progress was copied aside and a fresh record started
  | 'unreadable' // unreadable saved progress could not be copied aside, so it is left as it is
  | 'compacted'; // the record grew too large: least valuable details were dropped, completions kept

export interface ProgressView {
  record: ProgressRecord;
  problem: ProgressProblem | null;
}

export interface Sources {
  storage?: StorageLike | null;
  tab?: StorageLike | null;
  key?: string;
}

/** Whether a write to this storage works now, and if not why (a tiny write, then removed). */
export function probe(storage: StorageLike | null): 'ok' | 'quota' | 'unavailable' {
  const probeKey = key('probe');
  const result = write(probeKey, '1', storage);
  if (result === 'ok') remove(probeKey, storage);
  return result;
}

/**
 * Reads the stored record and, when this tab had to keep progress aside (storage full or off),
 * the tab's copy (`copy`) too. An unreadable record is copied aside and replaced by an empty one,
 * on every page alike, so the message is the same wherever the learner meets it.
 * `writable`: whether the device's record may be written (not a newer version's, not one left as it is).
 */
export function loadProgress({ storage = local, tab: tabStore = tab, key = PROGRESS_KEY }: Sources = {}, now = new Date().toISOString()) {
  const stored = read(key, storage);
  const raw = stored.ok ? stored.value : null;
  const outcome = raw === null ? null : readRecord(raw, now);
  let problem: ProgressProblem | null = stored.ok ? (outcome?.kind === 'newer' ? 'newer' : null) : 'unavailable';
  let writable = stored.ok && !problem;
  if (outcome?.kind === 'invalid') {
    // Keep the original before anything replaces it; replace it (not remove: other tabs read a
    // removal as "cleared") so the next page does not find it again.
    const aside = `${key}:unreadable:${now}`;
    writable = write(aside, raw!, storage) === 'ok' && (write(key, JSON.stringify(emptyRecord()), storage) === 'ok' || (remove(aside, storage), false));
    problem = writable ? 'recovered' : 'unreadable';
  }
  const copied = readValue(key, tabStore);
  const copy = copied ? readRecord(copied, now) : null;
  return {
    record: outcome && outcome.kind !== 'invalid' ? outcome.record : emptyRecord(),
    copy: copy && copy.kind !== 'invalid' ? copy.record : null,
    problem,
    writable,
  };
}

/** What the read-only pages show: the record, and the one problem to tell (a probe write tells
 *  whether new progress can be kept, once the record is read). */
export function peekProgress({ storage = local, ...sources }: Sources = {}): ProgressView {
  // The tab's copy is written from the device's record merged with what was earned since, and the
  // device's record cannot change while it refuses writes: so the copy, when there is one, is the
  // whole of it (the store merges both, to be safe).
  const { record: device, copy, problem } = loadProgress({ storage, ...sources });
  const record = copy ?? device;
  if (problem) return { record, problem };
  const can = probe(storage);
  return { record, problem: can === 'ok' ? null : can };
}
