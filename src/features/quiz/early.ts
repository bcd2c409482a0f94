// Until a quiz island hydrates, its server-rendered controls have no handlers: an activation then
// would be lost. This listener (loaded with the page, long before the island) marks what was
// activated, so the island can honour it when it runs: the Start button (data-quiz-start) gets
// data-pending; the practice switch (data-quiz-practice) toggles data-pending, one per click, so
// an even number of clicks cancels out. Hydrated islands (no `ssr` attribute) are left alone.
document.addEventListener(
  'click',
  (event) => {
    const target = (event.target as Element | null)?.closest?.('[data-quiz-start], [data-quiz-practice]');
    if (!target?.closest('astro-island[ssr]')) return;
    if (target.hasAttribute('data-quiz-start')) target.setAttribute('data-pending', '');
    else target.toggleAttribute('data-pending');
  },
  true,
);

