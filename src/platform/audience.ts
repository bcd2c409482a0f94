// Who is reading: a patient or carer, a student of medicine or health, or someone presenting the
// course ("all" when the reader skipped the question). The choice is a preference like the theme:
// stored under ketamine-course:audience, applied before first paint by the inline script in
// Base.astro (as data-audience on <html>), and it only sets defaults: patients get plain language,
// practice-mode quizzes and the patient path; students clinical detail and mastery quizzes;
// presenters the slide and presenter links first. Nothing is ever hidden for good.
//
// Pure functions and constants only (no DOM, no storage), so pages, scripts and tests share them.
import { PREFIX } from './prefs';

export const AUDIENCE_KEY = `${PREFIX}audience`;

export const AUDIENCES = ['patient', 'student', 'presenter', 'all'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** A stored value is untrusted: anything but a known audience reads as "no choice yet". */
export function parseAudience(value: unknown): Audience | null {
  return typeof value === 'string' && (AUDIENCES as readonly string[]).includes(value) ? (value as Audience) : null;
}

// The defaults take the raw stored value: anything but 'patient' gets the everyday defaults.

/** The reading depth an audience starts with, when the reader has not chosen one. */
export function defaultDepth(audience: string | null): 'plain' | 'clinical' {
  return audience === 'patient' ? 'plain' : 'clinical';
}

/** The quiz mode an audience starts with, when the reader has not chosen one. */
export function defaultQuizMode(audience: string | null): 'practice' | 'mastery' {
  return audience === 'patient' ? 'practice' : 'mastery';
}

/** The words of the chooser (AudienceChooser.astro); graded by tests/unit/interface-readability.test.ts. */
export const AUDIENCE_TEXT = {
  heading: 'Who is reading?',
  intro:
    'Tell us who you are and we will suggest where to start. You can skip this and change it at any time. Every lesson stays open to everyone.',
  choices: {
    patient: "I'm a patient or carer",
    student: "I'm studying medicine or health",
    presenter: "I'm presenting this",
  },
  skip: 'Skip this',
  stored: 'Your choice is kept only in this browser.',
  /** "Reading as: …" */
  now: {
    patient: 'a patient or carer',
    student: 'a student of medicine or health',
    presenter: 'someone presenting this course',
    all: 'anyone (you skipped the question)',
  },
  change: 'Change',
  patientPath: 'Your path',
  patientPathIntro: 'These lessons follow the questions most people have before they see a doctor. Start at the top.',
  moreLessons: 'More lessons',
  moreLessonsIntro: 'These lessons go deeper into the science. They are open to you too.',
  presenterIntro:
    'Each lesson below opens as slides, as a presenter view with your notes and a timer, and as a handout to print.',
} as const;

export interface PathEntry {
  slug: string;
  order: number;
  patientOrder?: number;
}

/**
 * The patient path: lessons with a patientOrder, in that order; then "more" lessons, the rest in
 * course order. A course with no patientOrder at all puts every lesson on the path.
 */
export function patientPath<T extends PathEntry>(lessons: T[]): { path: T[]; more: T[] } {
  const onPath = lessons.filter((l) => l.patientOrder !== undefined);
  if (onPath.length === 0) return { path: [...lessons].sort((a, b) => a.order - b.order), more: [] };
  return {
    path: [...onPath].sort((a, b) => a.patientOrder! - b.patientOrder! || a.order - b.order),
    more: lessons.filter((l) => l.patientOrder === undefined).sort((a, b) => a.order - b.order),
  };
}
