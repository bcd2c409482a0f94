// Every page: once the page has loaded and the browser is idle, register the service worker that
// keeps the course available offline. Its code (workbox-window, offline.ts) loads only then, so no
// page waits for it.
if ('serviceWorker' in navigator && import.meta.env.PROD) {
  const later = (run: () => void) => ('requestIdleCallback' in window ? requestIdleCallback(run, { timeout: 3000 }) : setTimeout(run, 1000));
  const start = () => later(() => void import('./offline'));
  if (document.readyState === 'complete') start();
  else addEventListener('load', start, { once: true });
}
