import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Readers who choose clinical depth see only the <Clinical> blocks, so a verdict ("False.") with no
// claim before it would correct a myth they were never shown (issue #10, finding 16).
const source = readFileSync(new URL('../../../lessons/11-myths-and-facts.mdx', import.meta.url), 'utf8');
const sections = source.split(/^## /m).slice(1).filter((s) => !s.startsWith('Key points'));

describe('myths and facts: every clinical correction states the claim it corrects', () => {
  it('has the twelve myths', () => expect(sections).toHaveLength(12));
  for (const section of sections) {
    const title = section.slice(0, section.indexOf('\n'));
    it(title, () => {
      const clinical = section.match(/<Clinical>\s*([\s\S]*?)<\/Clinical>/)?.[1] ?? '';
      const [first, second] = clinical.split(/\n\s*\n/);
      expect(first).toMatch(/^\*\*Claim:\*\* \S/);
      expect(second).toMatch(/^\*\*(False|False on three counts|Outdated|Misleading)\.\*\* /);
    });
  }
});
