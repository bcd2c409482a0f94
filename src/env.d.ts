/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** Set by the lesson page: citation numbers in order of first citation, and the lesson's file. */
    citations?: { numbers: Map<string, number>; file: string };
    /** Counts glossary terms on the page, for unique ids. */
    termCount?: number;
    /** Set by the page that renders a lesson: the view it is shown in (src/mdx/SynapseDiagram.astro). */
    lessonView?: 'reading' | 'slides' | 'handout' | 'learned';
    /** A deck view's rendered slide pieces, by <DeckPiece at> (src/integrations/deck-plan.mjs). */
    deckPieces?: Map<string, Array<[number, string]>>;
    /** Set by the lesson page for <LessonQuiz />: the lesson's bank and its section headings. */
    lessonQuiz?: { slug: string; bank: import('./course/quiz-schema').QuizBank; sections: Record<string, string> };
  }
}
