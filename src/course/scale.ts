// A course's listing pages at scale (issue #13). Up to COMPACT_FROM lessons the home page, /learned/
// and /progress/ list every lesson as they always have; from COMPACT_FROM lessons on they list the
// course by module (module cards, per-module pages /modules/<id>/ and /learned/<id>/, module rows),
// so each stays under 150 KB of HTML and 3,000 elements at 500 lessons (npm run bench:scale;
// tests/unit/scale-pages.test.ts holds the limits at 100). Build-time only.
export const COMPACT_FROM = 40;

/** Whether a course of `lessons` lessons lists itself by module. */
export function isCompact(lessons: number): boolean {
  return lessons >= COMPACT_FROM;
}
