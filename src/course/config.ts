// The course's LMS settings, in one place: the packaging script writes them into every manifest
// (SCORM 1.2 adlcp:masteryscore, SCORM 2004 imsss objectives, cmi5 masteryScore/moveOn), the
// final assessment uses the mastery score as its pass mark, and the LMS adapter reports
// completion by the rule below. An LMS that sends its own mastery score (SCORM 1.2
// mastery_score, SCORM 2004 scaled_passing_score, cmi5 LaunchData masteryScore) wins over this one.

/** When the course counts as completed in the LMS. */
export type CompletionRule =
  | 'all-lessons' // every lesson of the course is complete
  | 'assessment' // the final assessment is passed
  | 'all-lessons-and-assessment'; // both

export interface CourseConfig {
  /** Package and identifier stem: letters, digits and hyphens. */
  id: string;
  title: string;
  description: string;
  /** The cmi5 course and AU ids are IRIs built from this. */
  iri: string;
  /** Fraction of the final assessment's questions to get right to pass, 0 < masteryScore ≤ 1. */
  masteryScore: number;
  completion: CompletionRule;
  /** cmi5: what the LMS requires before the learner "moves on" (satisfies the AU). */
  moveOn: 'Completed' | 'Passed' | 'CompletedAndPassed' | 'CompletedOrPassed' | 'NotApplicable';
}

const config: CourseConfig = {
  id: 'ketamine-therapy',
  title: 'Ketamine therapy for mental health',
  description: 'An accessible course on ketamine therapy for depression, for patients and medical students.',
  iri: 'urn:x-course:ketamine-therapy-for-mental-health',
  masteryScore: 0.8,
  completion: 'all-lessons',
  moveOn: 'CompletedAndPassed',
};

export default config;
