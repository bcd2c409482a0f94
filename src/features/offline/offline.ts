// Registers the service worker (dist/sw.js, src/integrations/offline.mjs) with workbox-window and
// tells the reader two things, once each: that the course is now available offline, and, when a new
// version has been published, that reloading shows it. Nothing updates silently under the reader:
// the new version waits until they choose to reload.
import { Workbox } from 'workbox-window';

const OFFLINE_TEXT = 'Available offline: this course now works on this device without a connection.';

function footerNote(): void {
  const footer = document.querySelector('.site-footer .inner, .site-footer');
  if (!footer || footer.querySelector('[data-offline-ready]')) return;
  const note = document.createElement('p');
  note.className = 'offline-ready muted';
  note.dataset.offlineReady = '';
  note.textContent = OFFLINE_TEXT;
  footer.append(note);
}

function offerUpdate(wb: Workbox): void {
  // The audience's slide window never shows it: the presenter's window and other pages do.
  if (document.body.classList.contains('deck-page') || document.querySelector('[data-update-ready]')) return;
  const bar = document.createElement('div');
  bar.className = 'update-ready';
  bar.dataset.updateReady = '';
  bar.setAttribute('role', 'status');
  const text = document.createElement('p');
  text.textContent = 'A new version of the course is available.';
  const reload = document.createElement('button');
  reload.type = 'button';
  reload.textContent = 'Reload to update';
  reload.addEventListener('click', () => {
    reload.disabled = true;
    wb.addEventListener('controlling', () => location.reload());
    wb.messageSkipWaiting();
  });
  const later = document.createElement('button');
  later.type = 'button';
  later.className = 'secondary';
  later.textContent = 'Not now';
  later.addEventListener('click', () => bar.remove());
  const actions = document.createElement('p');
  actions.append(reload, ' ', later);
  bar.append(text, actions);
  document.body.append(bar);
}

const wb = new Workbox('/sw.js');
wb.addEventListener('waiting', () => offerUpdate(wb));
wb.addEventListener('activated', (event) => {
  if (!event.isUpdate) footerNote();
});
wb.register()
  .then((registration) => {
    // Already installed on an earlier visit: say so on this page too.
    if (registration?.active && !registration.waiting) footerNote();
    if (registration?.waiting) offerUpdate(wb);
  })
  .catch(() => {
    // No service worker (private mode, a browser setting): the course works online as before.
  });
