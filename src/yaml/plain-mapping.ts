/**
 * Articles' front matter is nearly always one `key: text` per line. Such a text is read here
 * without the YAML parser, which takes ~0.15 ms a text on a cold start: most of the time spent
 * parsing 1,000 Markdown articles. Whatever this reader cannot prove the parser would read the same
 * way is left to the parser (undefined), which also gives every position and every error.
 */

/** A key the parser reads as the same text: a name, not too long to be an implicit key. */
const keyPattern = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

/**
 * Characters the reader leaves to the parser wherever they appear: controls (tabs and lone CRs
 * among them), line and byte-order marks, non-characters, lone surrogates.
 */
const unsafeCharacters = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff\p{Cs}]/u;

/** A plain scalar's first character that is a YAML indicator (flow, anchor, tag, quote, block, comment, directive…). */
const indicatorStart = /^[-?:,[\]{}#&*!|>'"%@`]/;

/** Plain scalars the core schema resolves to something other than text: null, booleans, numbers. */
const notText = [
  /^(?:~|[Nn]ull|NULL)$/,
  /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
  /^[-+]?(?:\.(?:inf|Inf|INF)|[0-9]+)$/,
  /^(?:\.nan|\.NaN|\.NAN|0o[0-7]+|0x[0-9a-fA-F]+)$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/,
];

/** The text of one value as the parser would read it, or undefined when that is not certain. */
function plainValue(value: string): string | undefined {
  const quote = value[0];
  if (quote === '"' || quote === "'") {
    // Quoted with no escape and no quote inside: the text between the quotes.
    if (value.length < 2 || value[value.length - 1] !== quote) return undefined;
    const inner = value.slice(1, -1);
    return inner.includes(quote) || (quote === '"' && inner.includes('\\')) ? undefined : inner;
  }
  // A plain scalar: not an indicator first, no comment or mapping inside, no trailing space, text by the core schema.
  if (indicatorStart.test(value) || value.includes(': ') || value.includes(' #') || value.endsWith(':') || value.endsWith(' ')) return undefined;
  return notText.some((pattern) => pattern.test(value)) ? undefined : value;
}

/**
 * The mapping a front matter of `key: value` lines holds, each value text (plain, or quoted
 * without escapes), when the YAML parser (parseYaml's options) would read exactly that; otherwise
 * undefined. Lines end in LF or CRLF; a blank or indented line, a comment, a repeated key, an
 * empty value or anything else is left to the parser.
 */
export function plainMapping(text: string): Record<string, string> | undefined {
  if (text.length === 0) return undefined;
  const mapping: Record<string, string> = {};
  const seen = new Set<string>();
  for (const entry of text.split(/\r?\n/)) {
    const colon = entry.indexOf(': ');
    if (colon < 0 || unsafeCharacters.test(entry)) return undefined;
    const key = entry.slice(0, colon);
    if (!keyPattern.test(key) || notText.some((pattern) => pattern.test(key)) || seen.has(key)) return undefined;
    const value = plainValue(entry.slice(colon + 2).replace(/^ +/, ''));
    if (value === undefined || value.length === 0) return undefined;
    seen.add(key);
    mapping[key] = value;
  }
  return mapping;
}
