import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { fleschKincaidGrade } from '../../src/course/readability';
import { SYNAPSE_STEPS, SYNAPSE_CITE_IDS, STEP_COUNT, stepAt, stepLabel } from '../../src/features/synapse/synapse-steps';
import { VIEW, labelsFor, plateBox, sceneFor, textWidth } from '../../src/features/synapse/synapse-scene';

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

  // Every string a learner can meet: captions, pictures, narrations, comparison views.
  const learnerText = SYNAPSE_STEPS.flatMap((s) => [
    s.caption,
    s.picture,
    s.plain.text,
    s.clinical.text,
    ...(s.compare ? [s.compare.without.plain, s.compare.without.clinical, s.compare.with.plain, s.compare.with.clinical] : []),
  ]);

  it('keeps authoring marks out of learner-facing text', () => {
    for (const text of learnerText) expect(text).not.toMatch(/\[K\]|\bverify\b|fact sheet|not confirmed|unverified/i);
  });

  it('reports Maeng 2008 as it was: in mice, NBQX attenuated the effect (issue 16, correction 1)', () => {
    const surge = SYNAPSE_STEPS.find((s) => s.id === 'glutamate-surge')!;
    for (const text of [surge.plain.text, surge.clinical.text]) {
      expect(text).toMatch(/mice/);
      expect(text).not.toMatch(/\brats?\b|stopped|blocks ketamine|blocked ketamine/i);
    }
    expect(surge.clinical.text).toMatch(/NBQX attenuated/);
    expect(surge.plain.text).toMatch(/weaker/);
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

describe('synapse scene (one scene, each step a state of it)', () => {
  const states = SYNAPSE_STEPS.map((s, i) => sceneFor(i + 1, s.ketamine));

  it('matches each step to its narration', () => {
    expect(states[0]).toMatchObject({ mg: 'pore', ketamine: 'none', fused: 0, cleftGlutamate: 0, framing: 'synapse' });
    expect(states[1]).toMatchObject({ mg: 'out', nmdaOpen: true, ampaOpen: true, sodium: true, calcium: true, ketamine: 'none' });
    expect(states[2]).toMatchObject({ ketamine: 'pore', nmdaOpen: true, trapped: false, calcium: false });
    expect(states[4]).toMatchObject({ ketamine: 'pore', nmdaOpen: false, trapped: true });
    expect(states[3]).toMatchObject({ framing: 'circuit', interneuronBlocked: true, gaba: 'less' });
    expect(states[4]!.cleftGlutamate).toBeGreaterThan(states[1]!.cleftGlutamate);
    expect(states[4]).toMatchObject({ ampaStrong: true, fused: 5 });
    expect(states[5]).toMatchObject({ framing: 'cascade', bdnf: 'bound', cascade: true, proteins: true });
    expect(states[6]!.spines).toBeGreaterThan(states[0]!.spines);
    expect(states[7]).toMatchObject({ rival: true, ketamine: 'pore', cascade: false });
  });

  it('lets ketamine into the NMDA channel only when it is open or already trapped there', () => {
    for (let step = 1; step <= STEP_COUNT; step++) {
      for (const ketamine of [false, true]) {
        const s = sceneFor(step, ketamine);
        if (s.ketamine === 'pore') expect(s.nmdaOpen || s.trapped || (step === 2 && ketamine)).toBe(true);
        if (s.ketamine === 'pore') expect(s.calcium).toBe(false);
        expect(s.mg === 'pore' && s.ketamine === 'pore').toBe(false);
      }
    }
    // Without ketamine, the comparison views show an empty pore.
    expect(sceneFor(2, false).ketamine).toBe('none');
    expect(sceneFor(3, false)).toMatchObject({ ketamine: 'none', trapped: false });
    expect(sceneFor(2, true)).toMatchObject({ ketamine: 'pore', nmdaOpen: true, calcium: false });
  });

  it.each(['wide', 'tall'] as const)('places every label inside the %s view, apart from the others (estimated widths)', (layout) => {
    const { w, h, font } = VIEW[layout];
    for (let step = 1; step <= STEP_COUNT; step++) {
      for (const ketamine of [false, true]) {
        // The plates (the boxes a reader sees), not only their text.
        const boxes = labelsFor(layout, sceneFor(step, ketamine)).map((l) => {
          const p = plateBox(l, font, Math.max(...l.lines.map((line) => textWidth(line, font))));
          return { id: l.id, left: p.left, right: p.left + p.w, top: p.top, bottom: p.top + p.h };
        });
        for (const b of boxes) {
          expect(b.left, `${layout} step ${step} ${b.id}`).toBeGreaterThanOrEqual(0);
          expect(b.right, `${layout} step ${step} ${b.id}`).toBeLessThanOrEqual(w);
          expect(b.top, `${layout} step ${step} ${b.id}`).toBeGreaterThanOrEqual(0);
          expect(b.bottom, `${layout} step ${step} ${b.id}`).toBeLessThanOrEqual(h);
        }
        for (const a of boxes)
          for (const b of boxes)
            if (a !== b) expect(a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom, `${layout} step ${step}: ${a.id} × ${b.id}`).toBe(false);
      }
    }
  });
});
