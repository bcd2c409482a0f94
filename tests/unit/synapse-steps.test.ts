import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { fleschKincaidGrade } from '../../src/lib/readability';
import { SYNAPSE_STEPS, SYNAPSE_CITE_IDS, STEP_COUNT, stepAt, stepLabel } from '../../src/lib/synapse-steps';

// The course's shared readability measure (Flesch–Kincaid grade), the same one the lesson tests use.
const root = resolve(import.meta.dirname, '../..');

describe('synapse steps (content)', () => {
  it('has the 8 steps of the mechanism, in order, with unique ids', () => {
    expect(STEP_COUNT).toBe(8);
    expect(SYNAPSE_STEPS.map((s) => s.id)).toEqual([
      'resting',
      'coincidence',
      'block',
      'disinhibition',
      'glutamate-surge',
      'bdnf-mtor',
      'synaptogenesis',
      'direct-hypothesis',
    ]);
  });

  it.each(SYNAPSE_STEPS.map((s, i) => [i + 1, s] as const))('step %i has caption, picture, both narrations and citations', (_n, step) => {
    expect(step.caption.trim().length).toBeGreaterThan(5);
    expect(step.caption.length).toBeLessThanOrEqual(40);
    expect(step.picture.trim().length).toBeGreaterThan(20);
    for (const depth of [step.plain, step.clinical]) {
      expect(depth.text.trim().length).toBeGreaterThan(40);
      expect(depth.cites.length).toBeGreaterThanOrEqual(1);
      for (const id of depth.cites) expect(SYNAPSE_CITE_IDS).toContain(id);
    }
  });

  it.each(SYNAPSE_STEPS.map((s, i) => [i + 1, s] as const))('step %i plain narration reads at grade 8 or below, in short sentences', (_n, step) => {
    const texts = [step.plain.text, ...(step.compare ? [step.compare.without.plain, step.compare.with.plain] : [])];
    for (const text of texts) {
      expect(fleschKincaidGrade(text)).toBeLessThanOrEqual(8);
      for (const sentence of text.split(/(?<=[.!?])\s+/)) expect(sentence.split(/\s+/).length).toBeLessThanOrEqual(20);
    }
  });

  it('offers the without / with ketamine comparison on steps 2 and 3 only, with text for both views', () => {
    const withCompare = SYNAPSE_STEPS.flatMap((s, i) => (s.compare ? [i + 1] : []));
    expect(withCompare).toEqual([2, 3]);
    for (const step of SYNAPSE_STEPS) {
      if (!step.compare) continue;
      for (const view of [step.compare.without, step.compare.with]) {
        expect(view.plain.length).toBeGreaterThan(10);
        expect(view.clinical.length).toBeGreaterThan(10);
        expect(view.cites.length).toBeGreaterThanOrEqual(1);
      }
      expect(step.compare.without.plain).toMatch(/^Without ketamine/);
      expect(step.compare.with.plain).toMatch(/^With ketamine/);
    }
  });

  it('ketamine appears from step 3 on, and step 8 is labelled as a competing hypothesis', () => {
    expect(SYNAPSE_STEPS.map((s) => s.ketamine)).toEqual([false, false, true, true, true, true, true, true]);
    const last = SYNAPSE_STEPS[7]!;
    expect(last.caption).toMatch(/another idea/i);
    expect(last.plain.text).toMatch(/not settled/);
    expect(last.clinical.text).toMatch(/hypothesis/i);
    expect(last.picture).toMatch(/another hypothesis/i);
  });

  it('marks animal data as such where the fact sheet does', () => {
    for (const id of ['disinhibition', 'glutamate-surge', 'synaptogenesis']) {
      const step = SYNAPSE_STEPS.find((s) => s.id === id)!;
      expect(step.plain.text).toMatch(/animal/i);
      expect(step.clinical.text).toMatch(/rodent|rats|mice/i);
    }
  });

  it('cites only ids that exist in lessons/references.yaml (when the file exists)', () => {
    const file = resolve(root, 'lessons/references.yaml');
    if (!existsSync(file)) return;
    const known = new Set((parse(readFileSync(file, 'utf8')) as { id: string }[]).map((r) => r.id));
    const used = new Set(
      SYNAPSE_STEPS.flatMap((s) => [
        ...s.plain.cites,
        ...s.clinical.cites,
        ...(s.compare ? [...s.compare.with.cites, ...s.compare.without.cites] : []),
      ]),
    );
    expect([...used].filter((id) => !known.has(id))).toEqual([]);
  });

  it('labels and clamps positions', () => {
    expect(stepLabel(3)).toBe('Step 3 of 8: Ketamine blocks the channel');
    expect(stepAt(0).id).toBe('resting');
    expect(stepAt(99).id).toBe('direct-hypothesis');
    expect(stepAt(Number.NaN).id).toBe('resting');
  });
});
