// The components an MDX lesson may use without importing them (reading view).
import Cite from './Cite.astro';
import Term from './Term.astro';
import Plain from './Plain.astro';
import Clinical from './Clinical.astro';
import Notes from './Notes.astro';
import SlideBreak from '../features/deck/SlideBreak.astro';
import LessonQuiz from './LessonQuiz.astro';
import AskQuestion from './AskQuestion.astro';
import Fragments from './Fragments.astro';
import SlideFaceOmit from '../features/deck/SlideFaceOmit.astro';

export const lessonComponents = {
  Cite,
  Term,
  Plain,
  Clinical,
  Notes,
  SlideBreak,
  LessonQuiz,
  // <SynapseDiagram /> is imported by the lessons that use it: src/mdx/SynapseDiagram.astro.
  AskQuestion,
  Fragments,
  // <SlideFace> is for the projected slide; the page says it in prose.
  SlideFace: SlideFaceOmit,
};
