/**
 * Meilisearch puts the highlight tags we choose around matched words but does
 * not escape the rest. We ask for two private-use characters as tags (they
 * are stripped from documents when indexing), escape everything, then turn
 * the markers into <mark>…</mark>. Unbalanced markers are dropped, so the
 * output is always well-formed.
 */
export const HIGHLIGHT_PRE = '\uE000';
export const HIGHLIGHT_POST = '\uE001';

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export function renderHighlight(formatted: string): string {
  // Odd parts are the markers themselves (the split keeps them).
  const parts = formatted.split(/([\uE000\uE001])/);
  let out = '';
  let open = false;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (i % 2 === 0) {
      if (part) out += escapeHtml(part);
    } else if (part === HIGHLIGHT_PRE && !open) {
      out += '<mark>';
      open = true;
    } else if (part === HIGHLIGHT_POST && open) {
      out += '</mark>';
      open = false;
    }
  }
  if (open) out += '</mark>';
  // An empty pair highlights nothing.
  return out.replace(/<mark><\/mark>/g, '');
}
