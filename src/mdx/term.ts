// Glossary terms (Term.astro): click or tap keeps the definition open; Esc dismisses it, even when
// it is shown by hover, without moving pointer or focus (WCAG 1.4.13).
const terms = document.querySelectorAll<HTMLElement>('[data-term]');
const toggle = (term: HTMLElement, open: boolean) => {
  term.firstElementChild!.setAttribute('aria-expanded', String(open));
  if (open) delete term.dataset.dismissed;
};

for (const term of terms) {
  term.firstElementChild!.addEventListener('click', () =>
    toggle(term, term.firstElementChild!.getAttribute('aria-expanded') != 'true'),
  );
  // Dismissal lasts until pointer or focus leaves, so the definition can be shown again later.
  term.addEventListener('mouseleave', () => delete term.dataset.dismissed);
  term.addEventListener('focusout', (event) => term.contains(event.relatedTarget as Node) || toggle(term, false));
}

document.addEventListener('keydown', (event) => {
  if (event.key != 'Escape') return;
  for (const term of terms) {
    if (term.matches(':hover, :focus-within')) {
      toggle(term, false);
      term.dataset.dismissed = '';
    }
  }
});
