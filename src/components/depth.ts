// Remembers the reading depth. Base.astro's inline script applies it before first paint.
import { DEPTH_KEY, writePref } from '../platform/prefs';

const root = document.documentElement;
for (const radio of document.querySelectorAll<HTMLInputElement>('[data-depth-toggle] input[name="depth"]')) {
  const stored = root.dataset.depth;
  if (stored) radio.checked = radio.value === stored;
  radio.addEventListener('change', () => {
    if (!radio.checked) return;
    root.dataset.depth = radio.value;
    writePref(DEPTH_KEY, radio.value);
  });
}
