import { describe, expect, it } from 'vitest';
import { contrastRatio, flatten, parseCssColour } from './contrast.ts';

describe('WCAG contrast helper', () => {
  it('gives the published ratios', () => {
    const white = parseCssColour('rgb(255, 255, 255)');
    expect(contrastRatio(parseCssColour('rgb(0, 0, 0)'), white)).toBeCloseTo(21, 5);
    // #767676 is the lightest grey with 4.5:1 on white; #777777 just misses it.
    expect(contrastRatio(parseCssColour('rgb(118, 118, 118)'), white)).toBeCloseTo(4.54, 2);
    expect(contrastRatio(parseCssColour('rgb(119, 119, 119)'), white)).toBeCloseTo(4.48, 2);
    expect(contrastRatio(white, white)).toBe(1);
  });

  it('reads rgba and composites a translucent layer over what is under it', () => {
    expect(parseCssColour('rgba(16, 37, 63, 0.5)')).toEqual({ r: 16, g: 37, b: 63, a: 0.5 });
    expect(parseCssColour('rgb(16 37 63 / 50%)')).toEqual({ r: 16, g: 37, b: 63, a: 0.5 });
    expect(flatten([parseCssColour('rgba(0, 0, 0, 0)'), parseCssColour('rgb(16, 37, 63)')])).toEqual({ r: 16, g: 37, b: 63, a: 1 });
    expect(flatten([parseCssColour('rgba(0, 0, 0, 0.5)')])).toEqual({ r: 127.5, g: 127.5, b: 127.5, a: 1 });
    expect(() => parseCssColour('color(display-p3 1 0 0)')).toThrow(/not an rgb/);
  });
});
