// The one interface the three LMS implementations (SCORM 1.2, SCORM 2004, cmi5) share. The
// session (session.ts) decides what to say; an adapter only knows how its standard says it.
import type { CourseStatus } from './status';
import type { Interaction } from './interactions';

export type LmsTarget = 'scorm12' | 'scorm2004' | 'cmi5';

export interface Launch {
  /** The saved state (suspend_data, or the cmi5 state document), as the adapter stored it. */
  suspend: string | null;
  /** Where the learner was: a page path inside the package. */
  location: string | null;
  /** The LMS's own mastery score (0–1), when it sends one. */
  mastery: number | null;
  /** Browse or review launches change nothing in the LMS's record of the learner. */
  mode: 'normal' | 'browse' | 'review';
  learner: string;
}

export interface Report {
  suspend: string;
  location: string;
  status: CourseStatus;
  /** Only the interactions not yet sent. */
  interactions: Interaction[];
}

export interface LmsAdapter {
  readonly target: LmsTarget;
  /** Finds the LMS and starts the session; null when there is no LMS to talk to. */
  start(): Promise<Launch | null>;
  /** Writes a report and commits it; false when the LMS refused or failed it (it may also throw). */
  report(report: Report): Promise<boolean>;
  /** Commits now (the page is being hidden or left); false when the LMS refused it. */
  flush(): boolean;
  /** Ends the session: session time, exit, a last commit, Finish/Terminate. Synchronous, safe twice. */
  finish(): void;
  /** The largest suspend data this standard takes. */
  readonly suspendLimit: number;
}
