// The components an MDX lesson may use, in the slide and presenter views (slideComponents) and in
// the printed handout (handoutComponents). Same names as the reading view's lessonComponents; the
// differences: <Notes> and <SlideFace> render their content (the compile, src/integrations/deck-plan.mjs,
// put them in the slide's pieces), <Fragments> marks a list to reveal item by item, the quiz is left out, citations
// link to the lesson page (the address names the slide), and the diagram (imported by its lessons,
// src/mdx/SynapseDiagram.astro) is the live island on slides and still frames in the handout.
import Cite from '../../mdx/Cite.astro';
import Term from '../../mdx/Term.astro';
import Plain from '../../mdx/Plain.astro';
import Clinical from '../../mdx/Clinical.astro';
import SlideCite from './SlideCite.astro';
import SlideNotes from './SlideNotes.astro';
import SlideFace from './SlideFace.astro';
import SlideFragments from './SlideFragments.astro';
import SlideOmit from './SlideOmit.astro';
import { dropPart } from '../../mdx/views';
import DeckPiece from './DeckPiece.astro';

export const slideComponents = {
  Cite: SlideCite,
  Term,
  Plain,
  Clinical,
  Notes: SlideNotes,
  SlideFace,
  SlideBreak: SlideOmit,
  Fragments: SlideFragments,
  LessonQuiz: SlideOmit,
  // "Add to my questions" belongs to reading, not to a projected slide or a handout.
  AskQuestion: SlideOmit,
  // The deck's marks (src/integrations/deck-plan.mjs): each piece handed to the page, the reading-only parts dropped.
  DeckPiece,
  DeckExtra: DeckPiece,
  ReadingOnly: dropPart,
};

export const handoutComponents = {
  ...slideComponents,
  // The handout lists the lesson's references itself, so citations link within the page.
  Cite,
};
