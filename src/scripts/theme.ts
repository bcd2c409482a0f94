// The theme toggle (ThemeToggle.astro). The stored choice is applied before first paint by Base.astro.
import { THEME_KEY, writePref, type Theme } from '../lib/prefs';

const root = document.documentElement;
const button = document.querySelector<HTMLButtonElement>('[data-theme-toggle]');

function current(): Theme {
  const set = root.dataset.theme;
  if (set === 'dark' || set === 'light') return set;
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

function render(): void {
  if (!button) return;
  button.setAttribute('aria-pressed', String(current() === 'dark'));
}

if (button) {
  button.hidden = false;
  render();
  button.addEventListener('click', () => {
    const next: Theme = current() === 'dark' ? 'light' : 'dark';
    root.dataset.theme = next;
    writePref(THEME_KEY, next);
    render();
  });
}
