import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatDate, sentence } from '../../../src/platform/format';

const runs = process.env.FC_NUM_RUNS ? Number(process.env.FC_NUM_RUNS) : undefined;

describe('formatDate', () => {
  it('writes day month year, the one style of the course', () => {
    expect(formatDate('2026-12-02')).toBe('2 December 2026');
    expect(formatDate(new Date(Date.UTC(2026, 0, 15)), { utc: true })).toBe('15 January 2026');
  });
  it('a calendar date is the same day in every time zone', () => {
    expect(formatDate('2026-01-01')).toBe('1 January 2026');
  });
  it('a moment is the local day of that moment', () => {
    const moment = new Date(2026, 11, 2, 23, 30);
    expect(formatDate(moment.toISOString())).toBe('2 December 2026');
    expect(formatDate(moment.getTime())).toBe('2 December 2026');
  });
  it('gives "" for what is not a date', () => {
    expect(formatDate('not a date')).toBe('');
    expect(formatDate(Number.NaN)).toBe('');
  });
  it('never writes the month first (property)', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date(1990, 0, 1),
          max: new Date(2100, 0, 1),
          noInvalidDate: true,
        }),
        (d) => {
          expect(formatDate(d)).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4}$/);
        },
      ),
      { numRuns: runs, verbose: true },
    );
  });
});

describe('sentence', () => {
  it('adds one full stop, never two', () => {
    expect(sentence('Zhang Y, Ye F, et al.')).toBe('Zhang Y, Ye F, et al.');
    expect(sentence('Zarate CA Jr')).toBe('Zarate CA Jr.');
    expect(sentence('Is ketamine safe?')).toBe('Is ketamine safe?');
    expect(sentence(' Berman RM ')).toBe('Berman RM.');
  });
});
