// The slide and presenter pages: glossary terms on slides open on click and close with Esc
// (src/mdx/term.ts). The deck itself is an island (src/features/deck: DeckControls / PresenterView).
import '../mdx/term';
import '../features/offline/register';
