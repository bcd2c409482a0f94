// The LMS session, in the package's launcher page: starts the adapter, makes the LMS the store of
// record (its saved progress replaces whatever this browser holds), and turns every record the
// course pages send into one report (suspend data, location, status, new interactions), committed
// at once. Pure of the DOM except for what it is handed.
import type { LmsAdapter } from './adapter';
import { decode, encode, type LmsState } from './codec';
import type { CourseMap } from './course-map';
import { pendingInteractions } from './interactions';
import { courseStatus } from './status';
import { emptyRecord, readRecord, type ProgressRecord } from './store-link';

export interface LmsSession {
  /** The record the LMS holds (JSON), for the course page to fold into its store. */
  record(): string;
  location(): string | null;
  /** The course page's record changed (JSON, untrusted like any input) at this location. */
  update(recordJson: string, location: string, timings?: Record<string, number>): Promise<void>;
  flush(): void;
  finish(): void;
  /** The last suspend data written, for tests and the size note. */
  lastSuspend(): string;
}

/** Whether the LMS took the last report or commit: the launcher tells the learner when not. */
export type LmsHealth = 'saving' | 'failing';

export async function startSession(adapter: LmsAdapter, map: CourseMap, onHealth: (health: LmsHealth) => void = () => {}): Promise<LmsSession | null> {
  const launch = await adapter.start();
  if (!launch) return null;
  let state: LmsState = (launch.suspend && decode(launch.suspend, map)) || { record: emptyRecord(), reported: {} };
  let location = launch.location;
  const mastery = launch.mastery ?? map.masteryScore;
  let written = '';
  let lastSuspend = '';
  let chain: Promise<void> = Promise.resolve();
  let health: LmsHealth = 'saving';
  let latest: { record: ProgressRecord; at: string; timings: Record<string, number> } | null = null;
  const tell = (next: LmsHealth) => {
    if (next !== health) onHealth((health = next));
  };

  async function report(record: ProgressRecord, at: string, timings: Record<string, number>) {
    const pending = pendingInteractions(record, state.reported, map, (prompt) => timings[prompt]);
    const reported = { ...state.reported };
    for (const p of pending) reported[p.quiz] = p.attempts;
    const next: LmsState = { record, reported };
    let suspend = encode(next, map);
    if (suspend.length > adapter.suspendLimit) {
      // Cannot happen for this course (tests/unit/lms proves the largest record fits); if a course
      // outgrows it, keep what the LMS already has rather than write a truncated record.
      console.warn(`LMS: suspend data of ${suspend.length} characters is over the ${adapter.suspendLimit} limit`);
      suspend = lastSuspend || (launch!.suspend ?? '');
    }
    const interactions = pending.flatMap((p) => p.interactions);
    const key = `${suspend}\n${at}`;
    if (key === written && !interactions.length) return;
    written = key;
    lastSuspend = suspend;
    state = next;
    location = at;
    let ok = false;
    try {
      ok = await adapter.report({ suspend, location: at, status: courseStatus(record, map, mastery), interactions });
    } catch (error) {
      console.warn('LMS: the report failed', error);
    }
    // Interactions already handed over stay reported (sending them twice would count them twice);
    // the suspend data, location and status are written again with the next change or flush.
    if (!ok) written = '';
    tell(ok ? 'saving' : 'failing');
  }

  const enqueue = (record: ProgressRecord, at: string, timings: Record<string, number>) => {
    latest = { record, at, timings };
    chain = chain.then(() => report(record, at, timings)).catch((error) => console.warn('LMS: could not report', error));
    return chain;
  };

  return {
    record: () => JSON.stringify(state.record),
    location: () => location,
    update(recordJson, at, timings = {}) {
      const outcome = readRecord(recordJson);
      if (outcome.kind === 'invalid') return chain;
      return enqueue(outcome.record, at, timings);
    },
    flush() {
      // After a failure, the whole report again (a commit alone would not write what was refused).
      if (health === 'failing' && latest) {
        void enqueue(latest.record, latest.at, latest.timings);
        return;
      }
      let ok = false;
      try {
        ok = adapter.flush();
      } catch (error) {
        console.warn('LMS: the commit failed', error);
      }
      tell(ok ? 'saving' : 'failing');
    },
    finish: () => adapter.finish(),
    lastSuspend: () => lastSuspend,
  };
}
