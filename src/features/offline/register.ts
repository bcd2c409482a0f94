// Every page: a second after load, register the service worker that keeps the course available
// offline. Its code (workbox-window and offline.ts, bundled after the build to /offline-client.js by
// src/integrations/offline.mjs) loads only then, so no page waits for it. A script element, not
// import(): the bundler would add its preload helper to every page. An LMS package registers none.
if (import.meta.env.PROD && import.meta.env.PUBLIC_LMS_PACKAGE !== '1' && navigator.serviceWorker)
  addEventListener('load', () =>
    setTimeout(() => document.head.append(Object.assign(document.createElement('script'), { type: 'module', src: '/offline-client.js' })), 1e3),
  );
