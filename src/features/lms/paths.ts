// Paths inside a package. An LMS serves the package from a folder of its own choosing, often from
// storage that has no directory index, so every link inside must be relative and name its file.

/** "/lessons/x/#top" seen from a page `depth` folders deep → "../../lessons/x/index.html#top". */
export function packagePath(href: string, depth: number): string {
  const match = /^\/([^?#]*)([?#].*)?$/.exec(href);
  if (!match || href.startsWith('//')) return href;
  let path = match[1];
  if (path === '' || path.endsWith('/')) path += 'index.html';
  return '../'.repeat(depth) + path + (match[2] ?? '');
}

/** A location the LMS gave back, if it is a page inside the package (untrusted input). */
export function safeLocation(value: string | null): string | null {
  if (!value || value.length > 255) return null;
  return /^(?!.*\.\.)[a-z0-9][a-z0-9_\-./]*\.html$/i.test(value) ? value : null;
}
