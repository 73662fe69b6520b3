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
  let out = '';
  let open = false;
  let run = '';
  for (const ch of formatted) {
    if (ch === HIGHLIGHT_PRE || ch === HIGHLIGHT_POST) {
      out += escapeHtml(run);
      run = '';
      if (ch === HIGHLIGHT_PRE && !open) {
        out += '<mark>';
        open = true;
      } else if (ch === HIGHLIGHT_POST && open) {
        out += '</mark>';
        open = false;
      }
      continue;
    }
    run += ch;
  }
  out += escapeHtml(run);
  if (open) out += '</mark>';
  // An empty pair highlights nothing.
  return out.replace(/<mark><\/mark>/g, '');
}
