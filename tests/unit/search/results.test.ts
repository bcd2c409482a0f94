// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { bestSection, excerptParts, relevant, resultOptions } from '../../../src/features/search/results';

describe('search results', () => {
  it('rebuilds marked excerpts as text, never as HTML', () => {
    const [li] = resultOptions([
      { url: '/lessons/x/#a', title: 'A lesson', section: 'Open-channel block', excerpt: 'the <mark>NMDA</mark> receptor &lt;img src=x onerror=alert(1)&gt;' },
    ]);
    expect(li.getAttribute('role')).toBe('option');
    expect(li.querySelector('mark')?.textContent).toBe('NMDA');
    expect(li.querySelector('img')).toBeNull();
    expect(li.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(li.textContent).toContain('Section: Open-channel block');
  });

  it('keeps real matches and stems, drops one-letter fallbacks', () => {
    expect(relevant('pretreatment with <mark>NBQX</mark> attenuated', 'NBQX')).toBe(true);
    expect(relevant('Li <mark>N</mark> 2010', 'NBQX')).toBe(false);
    expect(relevant('AMPA <mark>receptors</mark>', 'receptor')).toBe(true);
    expect(relevant('the <mark>receptor</mark>', 'receptors')).toBe(true);
    expect(relevant('no marks here', 'ketamine')).toBe(false);
    expect(excerptParts('a <mark>b</mark> c').map((p) => p.marked)).toEqual([false, true, false]);
  });

  it('opens the section with the most matches, not the objectives', () => {
    const best = bestSection(
      [
        { url: '/l/#objectives-heading', excerpt: 'explain <mark>ketamine</mark> dosing' },
        { url: '/l/#dose', excerpt: 'the <mark>ketamine</mark> <mark>dose</mark>' },
        { url: '/l/#other', excerpt: 'nothing' },
      ],
      'ketamine dose',
    );
    expect(best?.url).toBe('/l/#dose');
  });
});
