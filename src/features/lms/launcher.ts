// The package's entry page (lms.html): the SCO of both SCORM packages and the AU of the cmi5 one.
// It holds the LMS session for the whole visit and frames the course, so moving between lessons
// never ends the session; each course page talks to it (page.ts) through window.courseLms.
// Built once per package with __LMS_TARGET__ fixed, so each zip carries one adapter only.
import type { LmsAdapter, LmsTarget } from './adapter';
import { cmi5 } from './cmi5';
import type { CourseMap } from './course-map';
import { safeLocation } from './paths';
import { scorm12 } from './scorm12';
import { scorm2004 } from './scorm2004';
import { startSession, type LmsSession } from './session';
import { PROGRESS_KEY, writeStored } from './store-link';

declare const __LMS_TARGET__: LmsTarget;

/** What a course page sees of the session (page.ts). */
export interface LmsHost {
  record(): string;
  update(recordJson: string, href: string, timings?: Record<string, number>): void;
  flush(): void;
}

// What the learner is told about the LMS: plain, and true (the course's own store keeps progress
// in this browser whatever the LMS does; its notices say when the browser cannot).
const NOTICE = {
  none: 'Your learning platform did not answer, so it will not see your progress. The course works, and keeps your progress in this browser. To have it recorded, open the course again from your learning platform.',
  failing: 'Your learning platform is not saving your progress at the moment. Your progress is kept in this browser, and the course will send it again as you go on.',
  saving: 'Your learning platform is saving your progress again.',
} as const;

const adapter = (): LmsAdapter => (__LMS_TARGET__ === 'scorm12' ? scorm12() : __LMS_TARGET__ === 'scorm2004' ? scorm2004() : cmi5());

async function main() {
  const status = document.getElementById('lms-status')!;
  const frame = document.getElementById('course') as HTMLIFrameElement;
  const base = new URL('.', location.href);
  let session: LmsSession | null = null;
  try {
    const map: CourseMap = await (await fetch(new URL('lms/course.json', base))).json();
    session = await startSession(adapter(), map, (health) => {
      // Said once per change, in the status line above the course (role="status", never a dialog).
      status.textContent = NOTICE[health];
    });
  } catch (error) {
    console.warn('LMS: could not start', error);
  }
  if (session) {
    const s = session;
    // The LMS is the store of record: its progress replaces what this browser holds for the course.
    writeStored(PROGRESS_KEY, s.record());
    const host: LmsHost = {
      record: s.record,
      update(json, href, timings) {
        const url = new URL(href);
        const at = url.origin === base.origin && url.pathname.startsWith(base.pathname) ? url.pathname.slice(base.pathname.length) : 'index.html';
        void s.update(json, at || 'index.html', timings);
      },
      flush: s.flush,
    };
    (window as unknown as { courseLms: LmsHost }).courseLms = host;
    // Commit whenever the page may be going away; finish only when it is (never on unload).
    addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && s.flush());
    addEventListener('pagehide', () => s.finish());
    // Emptied, not hidden: the live region stays in place for a later notice.
    status.textContent = '';
  } else {
    status.textContent = NOTICE.none;
  }
  frame.addEventListener('load', () => {
    try {
      document.title = frame.contentDocument?.title || document.title;
    } catch {
      // not ours
    }
  });
  frame.src = new URL(safeLocation(session?.location() ?? null) ?? 'index.html', base).href;
  frame.hidden = false;
}

void main();
