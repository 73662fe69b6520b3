/**
 * WCAG 2.x colour contrast, for tests that read computed colours out of a
 * real browser (which gives them as `rgb(…)` or `rgba(…)`).
 */

export interface Rgba {
  r: number;
  g: number;
  b: number;
  /** 0 (transparent) to 1 (opaque). */
  a: number;
}

/** A computed CSS colour (`rgb(r, g, b)`, `rgba(r, g, b, a)`, or the space-separated form) → channels; throws on anything else, so a test never compares a colour it misread. */
export function parseCssColour(text: string): Rgba {
  const m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(text.trim());
  if (!m) throw new Error(`not an rgb() colour: ${text}`);
  const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? Number(m[4].slice(0, -1)) / 100 : Number(m[4]);
  return { r: Number(m[1]), g: Number(m[2]), b: Number(m[3]), a: alpha };
}

/** `over` painted on an opaque `under` (source-over). */
export function composite(over: Rgba, under: Rgba): Rgba {
  const mix = (x: number, y: number) => x * over.a + y * (1 - over.a);
  return { r: mix(over.r, under.r), g: mix(over.g, under.g), b: mix(over.b, under.b), a: 1 };
}

/** Relative luminance of an sRGB colour, as WCAG 2.x defines it. */
export function relativeLuminance(c: Rgba): number {
  const lin = (v: number) => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
}

/** WCAG contrast ratio of two opaque colours, 1 to 21. */
export function contrastRatio(a: Rgba, b: Rgba): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The colour seen through a stack of backgrounds listed topmost first, over a white canvas. */
export function flatten(stackTopFirst: readonly Rgba[]): Rgba {
  let seen: Rgba = { r: 255, g: 255, b: 255, a: 1 };
  for (const c of [...stackTopFirst].reverse()) seen = composite(c, seen);
  return seen;
}
