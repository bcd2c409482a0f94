// The components an MDX lesson may use without importing them, one file per tag; each renders for
// the view it is in (Astro.locals.lessonView: reading, slides, handout). <SynapseDiagram /> is
// imported by the lessons that use it (src/mdx/SynapseDiagram.astro, so only those pages get its
// stylesheet).
// The two maps differ only in the marks the compile leaves in every lesson
// (src/integrations/deck-plan.mjs, src/mdx/views.ts): the reading view shows the lesson as written;
// the deck views collect each slide's pieces (DeckPiece.astro) and drop what only reading shows.
import Cite from './Cite.astro';
import Term from './Term.astro';
import Plain from './Plain.astro';
import Clinical from './Clinical.astro';
import Notes from './Notes.astro';
import SlideBreak from './SlideBreak.astro';
import SlideFace from './SlideFace.astro';
import Fragments from './Fragments.astro';
import DeckPiece from './DeckPiece.astro';
import LessonQuiz from '../components/LessonQuiz.astro';
import AskQuestion from '../features/consult/AskQuestion.astro';
import { dropPart, showPart } from './views';

const tags = { Cite, Term, Plain, Clinical, Notes, SlideBreak, SlideFace, Fragments, LessonQuiz, AskQuestion };

/** The reading view (the lesson page). */
export const lessonComponents = { ...tags, DeckPiece: showPart, ReadingOnly: showPart, DeckExtra: dropPart };

/** The slide, presenter and handout views (src/components/deck/DeckView.astro). */
export const deckComponents = { ...tags, DeckPiece, DeckExtra: DeckPiece, ReadingOnly: dropPart };
