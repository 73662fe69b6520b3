/**
 * Test helper: splits a filter expression into its structure and its quoted
 * literals the way Meilisearch's filter parser reads them (a literal runs
 * from a quote to the next quote of the same kind not escaped by `\`; `\x`
 * stands for `x`). If a value could break out of its literal, the structure
 * would change or a literal would not decode to the value.
 */
export function splitLiterals(filter: string): { skeleton: string; literals: string[] } {
  let skeleton = '';
  const literals: string[] = [];
  let i = 0;
  while (i < filter.length) {
    const ch = filter[i]!;
    if (ch === '"' || ch === "'") {
      let value = '';
      let j = i + 1;
      let closed = false;
      while (j < filter.length) {
        const c = filter[j]!;
        if (c === '\\' && j + 1 < filter.length) {
          value += filter[j + 1];
          j += 2;
          continue;
        }
        if (c === ch) {
          closed = true;
          break;
        }
        value += c;
        j++;
      }
      if (!closed) throw new Error(`unterminated literal at ${i}`);
      literals.push(value);
      skeleton += '?';
      i = j + 1;
      continue;
    }
    skeleton += ch;
    i++;
  }
  return { skeleton, literals };
}
