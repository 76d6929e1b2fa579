/**
 * Escapes source text so that, placed anywhere in a Markdown line, CommonMark + GFM read it
 * back as the same literal text: no headings, lists, links, autolinks, HTML, tables or code.
 * Input is one line (sources are whitespace-normalised before they get here).
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|~]/g, '\\$&')
    .replace(/&(?=#?\w+;)/g, '\\&')
    .replace(/^([#>+=-])/, '\\$1')
    .replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2')
    .replace(/^(\s+)/, (spaces) => '&#32;'.repeat(spaces.length));
}

/** Escapes a URL for use as a Markdown link destination inside <…>. */
export function escapeUrl(url: string): string {
  return url.replace(/[\s<>\\]/g, (c) => encodeURIComponent(c));
}

/** Fields that hold URLs rather than prose. */
const urlKeys = new Set(['url', 'href']);

/** A deep copy with every string escaped for Markdown (URLs for link destinations). */
export function escapeViewModel<T>(value: T, key = ''): T {
  if (typeof value === 'string') return (urlKeys.has(key) ? escapeUrl(value) : escapeMarkdown(value)) as T;
  if (Array.isArray(value)) return value.map((item) => escapeViewModel(item)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, escapeViewModel(v, k)])) as T;
  }
  return value;
}
