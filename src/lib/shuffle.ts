export * from '../features/quiz/shuffle';
export { ASSESSMENT_MAX, ASSESSMENT_MIN, assessmentId, drawAssessment, type QuestionBank } from '../features/quiz/assessment';
