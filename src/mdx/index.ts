// The components an MDX lesson may use without importing them (reading view).
import Cite from './Cite.astro';
import Term from './Term.astro';
import Plain from './Plain.astro';
import Clinical from './Clinical.astro';
import Notes from '../components/Notes.astro';
import SlideBreak from '../components/deck/SlideBreak.astro';
import LessonQuiz from '../components/LessonQuiz.astro';
import AskQuestion from '../features/consult/AskQuestion.astro';
import Fragments from '../components/Fragments.astro';
import SlideFaceOmit from '../components/deck/SlideFaceOmit.astro';
import { dropPart, showPart } from './views';

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
  // The deck's marks (src/integrations/deck-plan.mjs): the lesson as written, without the slides' own parts.
  DeckPiece: showPart,
  ReadingOnly: showPart,
  DeckExtra: dropPart,
};
