// Small drawing helpers shared by the parts of the synapse art (art/*.svelte).

/**
 * An SVG transform attribute (not a style attribute: the CSP allows no inline style, and as a
 * presentation attribute its changes still run the CSS transitions).
 */
export const t = (x: number, y: number, k = 1): string => `translate(${x} ${y})${k === 1 ? '' : ` scale(${k})`}`;

/** Ketamine's glyph: a flat hexagon of radius r. */
export const hexagon = (r: number): string => `M${-r} 0L${-r / 2} ${-r * 0.87}H${r / 2}L${r} 0L${r / 2} ${r * 0.87}H${-r / 2}Z`;

/** BDNF's glyph: a five-pointed star of radius r. */
export const star = (r: number): string =>
  Array.from({ length: 10 }, (_, i) => {
    const a = (Math.PI / 5) * i - Math.PI / 2;
    const k = i % 2 ? r * 0.45 : r;
    return `${i ? 'L' : 'M'}${(Math.cos(a) * k).toFixed(1)} ${(Math.sin(a) * k).toFixed(1)}`;
  }).join('') + 'Z';
