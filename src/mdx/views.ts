// The marks src/integrations/deck-plan.mjs leaves in a compiled lesson, as the reading view renders
// them: <DeckPiece> and <ReadingOnly> show their content where it stands, <DeckExtra> (the slides'
// own key points, sources and copies) nothing. The deck views map them the other way
// (src/mdx/index.ts: DeckPiece.astro collects the pieces).
// They are plain functions called with `server:root` (the plugin adds it), so Astro calls them with
// their children unrendered: what a view drops is never rendered. (An Astro component renders its
// slot eagerly, so the reading page would pay for the deck, and the deck for the page.)

/** Content this view shows, as written. */
export const showPart = (props: { children?: unknown }) => props.children;
/** Content this view drops. */
export const dropPart = () => null;
