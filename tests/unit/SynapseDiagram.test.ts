// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, fireEvent, cleanup, within } from '@testing-library/svelte';
import { tick } from 'svelte';
import SynapseDiagram from '../../src/features/synapse/SynapseDiagram.svelte';
import { SYNAPSE_STEPS } from '../../src/features/synapse/synapse-steps';
import { DEFAULT_INTERVAL_MS } from '../../src/features/synapse/synapse.machine';

const references = {
  'traynelis-2010': { label: 'Traynelis 2010', href: '/references/#traynelis-2010' },
  'zhang-2021': { label: 'Zhang 2021', href: '/references/#zhang-2021' },
};

function setup(props: Record<string, unknown> = {}) {
  const result = render(SynapseDiagram, { props: { references, id: 'syn', ...props } });
  const root = result.container.querySelector<HTMLElement>('#syn')!;
  const indicator = () => root.querySelector('.indicator')!.textContent!.replace(/\s+/g, ' ').trim();
  const live = () => root.querySelector('[aria-live="polite"]')!.textContent!.trim();
  const art = () => root.querySelector<SVGElement>('.stage svg')!;
  return { ...result, root, indicator, live, art };
}

let visibility: DocumentVisibilityState = 'visible';
beforeEach(() => {
  visibility = 'visible';
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });
  localStorage.clear();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('SynapseDiagram', () => {
  it('renders step 1 as a labelled SVG with the narration at both depths and its sources', () => {
    const { root, indicator, live, art } = setup();
    expect(indicator()).toBe('Step 1 of 8: The resting synapse');
    expect(live()).toBe(''); // nothing announced on load
    const svg = art();
    expect(svg.getAttribute('role')).toBe('img');
    const title = svg.querySelector('title')!;
    const desc = svg.querySelector('desc')!;
    expect(svg.getAttribute('aria-labelledby')).toBe(title.id);
    expect(svg.getAttribute('aria-describedby')).toBe(desc.id);
    expect(title.textContent).toContain('Step 1 of 8: The resting synapse');
    expect(desc.textContent).toBe(SYNAPSE_STEPS[0]!.picture);
    expect(svg.getAttribute('data-motion')).toBe('none'); // still frame until the reader acts
    // Labels are real text, one per named actor (the wide layout keeps each label on one line).
    expect(svg.getAttribute('data-layout')).toBe('wide');
    const labels = [...svg.querySelectorAll('text')].map((t) => t.textContent);
    expect(labels).toEqual(['Nerve ending', 'Glutamate', 'AMPA', 'Mg²⁺ plug', 'NMDA', 'Spine', 'Dendrite']);
    // The taller crop for phones draws the same scene with its own label places.
    const tall = root.querySelector('.stage svg[data-layout="tall"]')!;
    expect(tall.querySelectorAll('[data-actor="nmda"]')).toHaveLength(1);
    expect([...tall.querySelectorAll('text')].map((t) => [...t.querySelectorAll('tspan')].map((s) => s.textContent).join(' '))).toEqual(labels);
    const narration = root.querySelector('.narration')!;
    expect(narration.querySelector('.depth-plain')!.textContent).toContain(SYNAPSE_STEPS[0]!.plain.text);
    expect(narration.querySelector('.depth-clinical')!.textContent).toContain(SYNAPSE_STEPS[0]!.clinical.text);
    const link = within(narration.querySelector('.depth-plain') as HTMLElement).getByRole('link', { name: 'Traynelis 2010' });
    expect(link.getAttribute('href')).toBe('/references/#traynelis-2010');
  });

  it('Next and Previous update the indicator and the live region', async () => {
    const { indicator, live, art } = setup();
    await fireEvent.click(screen.getByRole('button', { name: /Next/ }));
    expect(indicator()).toBe('Step 2 of 8: Glutamate opens the channels');
    expect(live()).toBe('Step 2 of 8: Glutamate opens the channels.');
    expect(art().getAttribute('data-motion')).toBe('full');
    await fireEvent.click(screen.getByRole('button', { name: /Next/ }));
    expect(live()).toBe('Step 3 of 8: Ketamine blocks the channel.');
    await fireEvent.click(screen.getByRole('button', { name: /Previous/ }));
    expect(indicator()).toBe('Step 2 of 8: Glutamate opens the channels');
    expect(live()).toBe('Step 2 of 8: Glutamate opens the channels.');
  });

  it('keeps Previous focusable but inert at step 1 and Next at step 8', async () => {
    const { indicator } = setup();
    const previous = screen.getByRole('button', { name: /Previous/ });
    expect(previous.getAttribute('aria-disabled')).toBe('true');
    expect(previous.hasAttribute('disabled')).toBe(false);
    await fireEvent.click(previous);
    expect(indicator()).toMatch(/^Step 1 of 8/);
    await fireEvent.click(screen.getByRole('button', { name: /Direct|Another idea/ }));
    const next = screen.getByRole('button', { name: /Next/ });
    expect(next.getAttribute('aria-disabled')).toBe('true');
    await fireEvent.click(next);
    expect(indicator()).toMatch(/^Step 8 of 8/);
  });

  it('jumps from the step list and marks the current step with aria-current', async () => {
    const { root, indicator, live } = setup();
    const list = root.querySelector('ol.steps') as HTMLElement;
    const buttons = within(list).getAllByRole('button');
    expect(buttons).toHaveLength(8);
    expect(buttons[0]!.getAttribute('aria-current')).toBe('step');
    await fireEvent.click(buttons[5]!);
    expect(indicator()).toBe(`Step 6 of 8: ${SYNAPSE_STEPS[5]!.caption}`);
    expect(live()).toBe(`Step 6 of 8: ${SYNAPSE_STEPS[5]!.caption}.`);
    expect(buttons[5]!.getAttribute('aria-current')).toBe('step');
    expect(buttons.filter((b) => b.hasAttribute('aria-current'))).toHaveLength(1);
    expect(within(stageSvg(root)).getByText('mTORC1')).toBeTruthy();
  });

  it('Play advances one step per interval and pauses when the page is hidden', async () => {
    vi.useFakeTimers();
    const { indicator } = setup();
    await fireEvent.click(screen.getByRole('button', { name: 'Play' }));
    expect(screen.getByRole('button', { name: 'Pause' })).toBeTruthy();
    vi.advanceTimersByTime(DEFAULT_INTERVAL_MS);
    await tick();
    expect(indicator()).toMatch(/^Step 2 of 8/);
    vi.advanceTimersByTime(DEFAULT_INTERVAL_MS);
    await tick();
    expect(indicator()).toMatch(/^Step 3 of 8/);
    visibility = 'hidden';
    document.dispatchEvent(new Event('visibilitychange'));
    await tick();
    expect(screen.getByRole('button', { name: 'Play' })).toBeTruthy();
    vi.advanceTimersByTime(DEFAULT_INTERVAL_MS * 5);
    await tick();
    expect(indicator()).toMatch(/^Step 3 of 8/);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('Pause stops playing, and playing stops at the last step', async () => {
    vi.useFakeTimers();
    const { indicator } = setup({ initialStep: 6 });
    await fireEvent.click(screen.getByRole('button', { name: 'Play' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
    vi.advanceTimersByTime(DEFAULT_INTERVAL_MS * 3);
    await tick();
    expect(indicator()).toMatch(/^Step 6 of 8/);
    await fireEvent.click(screen.getByRole('button', { name: 'Play' }));
    vi.advanceTimersByTime(DEFAULT_INTERVAL_MS * 10);
    await tick();
    expect(indicator()).toMatch(/^Step 8 of 8/);
    expect(screen.getByRole('button', { name: 'Play from start' })).toBeTruthy();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('the Reduce motion switch turns movement into cross-fades and is remembered', async () => {
    const { art } = setup();
    const toggle = screen.getByRole('switch', { name: 'Reduce motion' }) as HTMLInputElement;
    expect(toggle.checked).toBe(false);
    await fireEvent.click(toggle);
    expect(toggle.checked).toBe(true);
    expect(localStorage.getItem('ketamine-course:motion')).toBe('reduce');
    await fireEvent.click(screen.getByRole('button', { name: /Next/ }));
    expect(art().getAttribute('data-motion')).toBe('reduced');
    await fireEvent.click(toggle);
    expect(art().getAttribute('data-motion')).toBe('full');
    cleanup();
    localStorage.setItem('ketamine-course:motion', 'reduce');
    setup();
    await tick();
    expect((screen.getByRole('switch', { name: 'Reduce motion' }) as HTMLInputElement).checked).toBe(true);
  });

  it('follows prefers-reduced-motion when the reader has not chosen', async () => {
    const matchMedia = vi.fn().mockReturnValue({ matches: true, addEventListener: vi.fn(), removeEventListener: vi.fn() });
    vi.stubGlobal('matchMedia', matchMedia);
    try {
      setup();
      await tick();
      expect((screen.getByRole('switch', { name: 'Reduce motion' }) as HTMLInputElement).checked).toBe(true);
      expect(matchMedia).toHaveBeenCalledWith('(prefers-reduced-motion: reduce)');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('offers "without / with ketamine" on steps 2 and 3 only, with a text equivalent', async () => {
    const { live, art, root } = setup();
    expect(screen.queryByRole('group', { name: 'Compare this step' })).toBeNull();
    await fireEvent.click(screen.getByRole('button', { name: /Next/ }));
    const withK = screen.getByRole('radio', { name: 'With ketamine' }) as HTMLInputElement;
    expect((screen.getByRole('radio', { name: 'Without ketamine' }) as HTMLInputElement).checked).toBe(true);
    await fireEvent.click(withK);
    expect(withK.checked).toBe(true);
    expect(live()).toBe('Showing: with ketamine.');
    expect(art().querySelector('desc')!.textContent).toContain(SYNAPSE_STEPS[1]!.compare!.with.plain);
    expect(root.querySelector('.narration .depth-plain')!.textContent).toContain(SYNAPSE_STEPS[1]!.compare!.with.plain);
    expect(within(stageSvg(root)).getByText(/^Ketamine/)).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: /Next/ }));
    expect(screen.getByRole('group', { name: 'Compare this step' })).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: /Next/ }));
    expect(screen.queryByRole('group', { name: 'Compare this step' })).toBeNull();
  });

  it('follows a `step` prop and reports every change through onstep', async () => {
    const seen: number[] = [];
    const { rerender, indicator, live } = setup({ step: 4, onstep: (n: number) => seen.push(n) });
    await tick();
    expect(indicator()).toBe(`Step 4 of 8: ${SYNAPSE_STEPS[3]!.caption}`);
    await rerender({ references, id: 'syn', step: 6, onstep: (n: number) => seen.push(n) });
    await tick();
    expect(indicator()).toBe(`Step 6 of 8: ${SYNAPSE_STEPS[5]!.caption}`);
    expect(live()).toBe(`Step 6 of 8: ${SYNAPSE_STEPS[5]!.caption}.`);
    await fireEvent.click(screen.getByRole('button', { name: /Next/ }));
    await tick();
    expect(seen).toEqual([4, 6, 7]);
  });

  it('on a slide, shows the step the deck gives and reports nothing through the DOM', async () => {
    // The deck drives the diagram through `step` (DeckDiagram.svelte); the old DOM contract — a
    // `deck:step` event with a mutable detail — is gone: dispatching one moves nothing.
    const seen: number[] = [];
    const events: string[] = [];
    const { root, rerender, indicator } = setup({ step: 7, onstep: (n: number) => seen.push(n) });
    for (const type of ['deck:step', 'step', 'change']) root.addEventListener(type, () => events.push(type));
    await tick();
    const detail = { direction: 'next', consumed: false };
    root.dispatchEvent(new CustomEvent('deck:step', { detail }));
    await tick();
    expect(detail.consumed).toBe(false);
    expect(indicator()).toMatch(/^Step 7 of 8/);
    await rerender({ references, id: 'syn', step: 8, onstep: (n: number) => seen.push(n) });
    await tick();
    expect(indicator()).toMatch(/^Step 8 of 8/);
    expect(root.getAttribute('data-step')).toBe('8');
    expect(seen).toEqual([7, 8]);
    expect(events).toEqual(['deck:step']);
  });

  it('renders all 8 steps as print frames with unique ids', () => {
    const { container, root } = setup();
    const frames = root.querySelectorAll('.frames > li');
    expect(frames).toHaveLength(8);
    frames.forEach((frame, i) => {
      expect(frame.textContent).toContain(`Step ${i + 1} of 8: ${SYNAPSE_STEPS[i]!.caption}`);
      expect(frame.querySelector('svg[role="img"] title')).toBeTruthy();
      expect(frame.querySelector('svg')!.getAttribute('data-motion')).toBe('none');
    });
    const ids = [...container.querySelectorAll('[id]')].map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('falls back to the reference id when the page passes no entry', async () => {
    const { root } = setup({ references: {}, initialStep: 4 });
    expect(root.querySelector('.narration .depth-plain .sources')!.textContent).toContain('homayoun-2007');
  });
});

/** The on-screen SVG, typed for `within` (testing-library queries work on SVG elements too). */
function stageSvg(root: HTMLElement) {
  return root.querySelector('.stage svg') as unknown as HTMLElement;
}
