// Formatting shared by every page and island, so the whole course writes dates and reference
// entries one way. Browser-safe (no Node APIs); also used at build time.

const DAY = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const DAY_UTC = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The course's one date style: "2 December 2026". A calendar date ("2026-12-02", or a Date made at
 * build time from one) is that day wherever the reader is; a moment (an ISO timestamp of when a
 * learner did something) is shown as the reader's local day. Invalid input gives "".
 */
export function formatDate(value: string | number | Date, { utc }: { utc?: boolean } = {}): string {
  const calendar = typeof value === 'string' && DATE_ONLY.test(value);
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  return (calendar || utc ? DAY_UTC : DAY).format(date);
}

/** Ends a reference part (authors, title) with one full stop: "Smith J, et al." stays as it is. */
export function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.?!]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
