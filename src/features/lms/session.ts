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

export async function startSession(adapter: LmsAdapter, map: CourseMap): Promise<LmsSession | null> {
  const launch = await adapter.start();
  if (!launch) return null;
  let state: LmsState = (launch.suspend && decode(launch.suspend, map)) || { record: emptyRecord(), reported: {} };
  let location = launch.location;
  const mastery = launch.mastery ?? map.masteryScore;
  let written = '';
  let chain: Promise<void> = Promise.resolve();

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
      suspend = written || (launch!.suspend ?? '');
    }
    const interactions = pending.flatMap((p) => p.interactions);
    const key = `${suspend}\n${at}`;
    if (key === written && !interactions.length) return;
    written = key;
    state = next;
    location = at;
    await adapter.report({ suspend, location: at, status: courseStatus(record, map, mastery), interactions });
  }

  return {
    record: () => JSON.stringify(state.record),
    location: () => location,
    update(recordJson, at, timings = {}) {
      const outcome = readRecord(recordJson);
      if (outcome.kind === 'invalid') return chain;
      chain = chain.then(() => report(outcome.record, at, timings)).catch((error) => console.warn('LMS report failed', error));
      return chain;
    },
    flush: () => adapter.flush(),
    finish: () => adapter.finish(),
    lastSuspend: () => written.split('\n')[0],
  };
}
