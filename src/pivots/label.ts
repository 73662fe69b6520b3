/** Lower case, letters and digits only, single spaces: "Operate a Forklift!" → "operate a forklift". */
export function normaliseLabel(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9+]+/g, ' ').trim();
}
