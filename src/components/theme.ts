// The theme toggle (ThemeToggle.astro). The stored choice is applied before first paint by the
// inline script in PageHead.astro; here the button shows the real state, then becomes visible.
// Every page runs this file (the core chunk), so it also starts the offline registration, after load.
import '../features/offline/register';
import { THEME_KEY, writePref, type Theme } from '../platform/prefs';

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
  render();
  button.removeAttribute('data-pending');
  button.addEventListener('click', () => {
    const next: Theme = current() === 'dark' ? 'light' : 'dark';
    root.dataset.theme = next;
    writePref(THEME_KEY, next);
    render();
  });
}
