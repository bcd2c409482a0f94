// The words for each progress problem: one source, used by the notice every page can show
// (src/components/ProgressNotice.astro) and by the progress page's standing note. Each must stay
// true of what the store does (src/features/progress/store.ts) and say what the learner can do.
// Build-time only: the pages carry the words as HTML, so no script ships them.
import type { ProgressProblem } from './peek';

const KEEP = 'To keep it for longer, download a copy on the My progress page.';

export const NOTICES: Record<ProgressProblem, string> = {
  unavailable: `Your progress can't be saved on this device: this browser is not letting the course store anything. It is kept in this tab until you close it. ${KEEP}`,
  quota: `Your browser's storage is full, so new progress can't be saved on this device. What you saved before is still here, and new progress is kept in this tab until you close it. Free some space in your browser, or download a copy on the My progress page.`,
  off: 'This browser is not letting the course keep anything, so progress on this page will not be kept when you leave it. Everything else works as usual.',
  newer: `Progress saved here came from a newer version of this course. You can see it, but it is not changed: new progress is kept in this tab until you close it. ${KEEP}`,
  recovered: "We found saved progress we couldn't read. We kept a copy of it on this device and started a fresh record.",
  unreadable: `We found saved progress we couldn't read, and there was no room to keep a copy, so we left it as it is. New progress is kept in this tab until you close it. ${KEEP}`,
  compacted: 'Your saved progress had grown large, so we removed some details, such as your earlier quiz answers. Every lesson you completed is kept.',
};
