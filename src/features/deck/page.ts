// The slide and presenter pages: glossary terms on slides open on click and close with Esc
// (src/scripts/term.ts). The deck itself is an island (DeckControls / PresenterView).
import '../../scripts/term';
import '../offline/register';
