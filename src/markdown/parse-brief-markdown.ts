import type { BlockContent, FootnoteDefinition, Heading, List, ListItem, Paragraph, PhrasingContent, Root, RootContent, Table, TableCell, TableRow } from 'mdast';

/**
 * The Markdown a brief's templates write, read without micromark: headings, paragraphs, one-level
 * blockquotes, `-` lists with one level of nesting, GFM tables, `---` rules, footnote definitions and calls,
 * `*` emphasis and strong, backslash escapes, autolinks and images. micromark took a seventh of an
 * 80-page brief's run, most of it in its general machinery (a tokenizer per container and per
 * paragraph, checkpoints for every construct tried); this reads the same subset line by line.
 *
 * It returns undefined, and the caller parses with micromark (parseMarkdown), at the first thing
 * outside the subset or any case where the two could read the text differently: a lazy
 * continuation line, a loose list, a `*` run that could both open and close, a run of three, an
 * emphasis whose closer meets an opener of another length, code, HTML, entities, links, `_` or
 * `~`, tabs or carriage returns. What it returns is micromark's tree without positions (the PDF
 * reads none); a property test holds the two parsers to that on the templates' output and on
 * generated documents.
 */
export function parseBriefMarkdown(markdown: string): Root | undefined {
  if (/[\r\t\v\f\0\uFEFF]/.test(markdown)) return undefined;
  try {
    const lines = markdown.split('\n');
    return { type: 'root', children: blocks(lines, footnoteLabels(lines)) };
  } catch (error) {
    if (error === OUTSIDE) return undefined;
    throw error;
  }
}

const OUTSIDE = Symbol('outside the subset');

function outside(): never {
  throw OUTSIDE;
}

/** A footnote label the fast path reads (definitions and calls alike). */
const LABEL = '[A-Za-z0-9-]+';
const FOOTNOTE_DEFINITION = new RegExp(String.raw`^\[\^(${LABEL})\]: (.*)$`);

/** The labels of the document's footnote definitions: a call `[^x]` is one only when `x` is defined. */
function footnoteLabels(lines: readonly string[]): Set<string> {
  const labels = new Set<string>();
  for (const line of lines) {
    const match = FOOTNOTE_DEFINITION.exec(line);
    if (!match) continue;
    const identifier = match[1]!.toLowerCase();
    if (labels.has(identifier)) outside(); // a second definition of a label: micromark keeps the first
    labels.add(identifier);
  }
  return labels;
}

const isBlank = (line: string) => /^ *$/.test(line);

/**
 * Whether a line could start a block other than a paragraph (or is indented), as the first line of
 * a paragraph or one that continues it: such lines are left to micromark. A `:` may open a table's
 * delimiter row (`:-|-:`), which turns the paragraph's last line into the table's head. `*`
 * followed by a character other than a space opens emphasis, not a list or a rule.
 */
function startsOtherBlock(line: string): boolean {
  return /^(?: |[#>+=\-|:`~<[_]|\d{1,9}[.)](?: |$)|\*+(?: |$)|(?:\* *){3,}$)/.test(line);
}

function blocks(lines: readonly string[], labels: ReadonlySet<string>): RootContent[] {
  const children: RootContent[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (isBlank(line)) i++;
    else if (/^-{3,}$/.test(line)) {
      children.push({ type: 'thematicBreak' });
      i++;
    } else if (line.startsWith('#')) {
      children.push(heading(line, labels));
      i++;
    } else if (line.startsWith('>')) i = blockquote(lines, i, labels, children);
    else if (line.startsWith('- ')) i = list(lines, i, labels, children);
    else if (line.startsWith('|')) i = table(lines, i, labels, children);
    else if (line.startsWith('[^')) i = footnoteDefinition(lines, i, labels, children);
    else if (startsOtherBlock(line)) outside();
    else {
      const start = i;
      while (i < lines.length && !isBlank(lines[i]!)) {
        if (i > start && startsOtherBlock(lines[i]!)) outside();
        i++;
      }
      children.push(paragraph(lines.slice(start, i), labels));
    }
  }
  return children;
}

function heading(line: string, labels: ReadonlySet<string>): Heading {
  const match = /^(#{1,6}) +(.*?) *$/.exec(line);
  if (!match || match[2] === '' || match[2]!.endsWith('#')) outside();
  return { type: 'heading', depth: match[1]!.length as Heading['depth'], children: inline(match[2]!, labels) };
}

/** A paragraph's lines, read as one text (inline() reads the line breaks). */
function paragraph(lines: readonly string[], labels: ReadonlySet<string>): Paragraph {
  return { type: 'paragraph', children: inline(lines.join('\n'), labels) };
}

/** What follows a container's last line must be a blank line or the end: anything else may continue it lazily. */
function endsHere(lines: readonly string[], i: number): void {
  if (i < lines.length && !isBlank(lines[i]!)) outside();
}

/** `> text` lines: one paragraph. */
function blockquote(lines: readonly string[], i: number, labels: ReadonlySet<string>, into: RootContent[]): number {
  const content: string[] = [];
  while (i < lines.length && lines[i]!.startsWith('>')) {
    const text = lines[i]!.replace(/^> ?/, '');
    if (isBlank(text) || startsOtherBlock(text)) outside();
    content.push(text);
    i++;
  }
  endsHere(lines, i);
  into.push({ type: 'blockquote', children: [paragraph(content, labels)] });
  return i;
}

/** A tight `-` list; items may hold one tight `  -` list. Both end at a blank line not followed by more of the list. */
function list(lines: readonly string[], i: number, labels: ReadonlySet<string>, into: RootContent[]): number {
  const item = (text: string, nested: ListItem[]): ListItem => {
    if (isBlank(text) || startsOtherBlock(text)) outside();
    const children: BlockContent[] = [{ type: 'paragraph', children: inline(text, labels) }];
    if (nested.length > 0) children.push(tightList(nested));
    return { type: 'listItem', spread: false, checked: null, children };
  };
  const items: ListItem[] = [];
  while (i < lines.length && lines[i]!.startsWith('- ')) {
    const text = lines[i]!.slice(2);
    i++;
    const nested: ListItem[] = [];
    while (i < lines.length && lines[i]!.startsWith('  - ')) nested.push(item(lines[i++]!.slice(4), []));
    items.push(item(text, nested));
  }
  endsHere(lines, i);
  let next = i;
  while (next < lines.length && isBlank(lines[next]!)) next++;
  if (next < lines.length && /^(?: |- |-$)/.test(lines[next]!)) outside(); // a loose list, or an item's second paragraph
  into.push(tightList(items));
  return i;
}

const tightList = (items: ListItem[]): List => ({ type: 'list', ordered: false, start: null, spread: false, children: items });

/** A GFM table whose rows all start and end with `|` and have as many cells as its delimiter row. */
function table(lines: readonly string[], i: number, labels: ReadonlySet<string>, into: RootContent[]): number {
  const delimiter = lines[i + 1];
  if (delimiter === undefined || !/^\|(?: *:?-+:? *\|)+$/.test(delimiter)) outside();
  const align = cellsOf(delimiter).map((cell) => (cell.startsWith(':') ? (cell.endsWith(':') ? 'center' : 'left') : cell.endsWith(':') ? 'right' : null));
  const row = (line: string): TableRow => {
    if (!line.endsWith('|')) outside();
    const cells = cellsOf(line);
    if (cells.length !== align.length) outside();
    return { type: 'tableRow', children: cells.map((cell): TableCell => ({ type: 'tableCell', children: cell.includes('*') ? outside() : inline(cell, labels) })) };
  };
  const rows = [row(lines[i]!)];
  i += 2;
  while (i < lines.length && lines[i]!.startsWith('|')) rows.push(row(lines[i++]!));
  endsHere(lines, i);
  into.push({ type: 'table', align, children: rows } satisfies Table);
  return i;
}

/** A row's cells, trimmed (its outer pipes dropped; `\|` stays in its cell, read by inline() as `|`). */
function cellsOf(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  for (let i = 1; i < line.length - 1; i++) {
    if (line[i] === '\\' && i + 1 < line.length - 1) {
      cell += line[i]! + line[++i]!;
    } else if (line[i] === '|') {
      cells.push(cell);
      cell = '';
    } else cell += line[i];
  }
  cells.push(cell);
  return cells.map((text) => text.replace(/^ +| +$/g, ''));
}

/** `[^label]: text` on one line, followed by a blank line, the end or another definition. */
function footnoteDefinition(lines: readonly string[], i: number, labels: ReadonlySet<string>, into: RootContent[]): number {
  const match = FOOTNOTE_DEFINITION.exec(lines[i]!);
  if (!match) outside();
  const [, label, text] = match;
  if (isBlank(text!) || startsOtherBlock(text!)) outside();
  const next = lines[i + 1];
  if (next !== undefined && !isBlank(next) && !next.startsWith('[^')) outside();
  into.push({ type: 'footnoteDefinition', identifier: label!.toLowerCase(), label: label!, children: [{ type: 'paragraph', children: inline(text!, labels) }] } satisfies FootnoteDefinition);
  return i + 1;
}

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const WHITESPACE = /\s/;
const PUNCTUATION = /\p{P}|\p{S}/u;
const AUTOLINK = /<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>\u0000-\u001F\u007F]*)>/y;
const IMAGE = /!\[([^[\]\\*_`<>&~!\n]+)\]\(<((?:[A-Za-z0-9._/%-]|\\[!-/:-@[-`{-~])+)>\)/y;
const FOOTNOTE_CALL = new RegExp(String.raw`\[\^(${LABEL})\]`, 'y');
const CHARACTER_REFERENCE = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]*);/y;

/** micromark's character groups (classifyCharacter), of one UTF-16 unit: 1 whitespace (or none), 2 punctuation, 0 other. */
function group(unit: string | undefined): 0 | 1 | 2 {
  if (unit === undefined || WHITESPACE.test(unit)) return 1;
  return PUNCTUATION.test(unit) ? 2 : 0;
}

interface Run {
  size: number;
}
type Piece = string | PhrasingContent | Run;

/**
 * A paragraph's or a cell's text as phrasing content. `*` runs are matched as micromark's
 * attention resolver does when every run either only opens or only closes: a closer takes the
 * nearest open run, which must be as long as it (else the resolver's splitting rules apply, and
 * the text is left to micromark); runs left over are text.
 */
function inline(source: string, labels: ReadonlySet<string>): PhrasingContent[] {
  const text = source.replace(/ +$/, '');
  const pieces: Piece[] = [];
  const openers: number[] = [];
  let plain = '';
  const flush = () => {
    if (plain) pieces.push(plain);
    plain = '';
  };
  const sticky = (pattern: RegExp, at: number) => {
    pattern.lastIndex = at;
    return pattern.exec(text);
  };
  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    if (char === '\\') {
      const next = text[i + 1];
      if (next === undefined || next === '\n') outside(); // a hard line break, or a lone backslash at the end
      if (ASCII_PUNCTUATION.test(next)) {
        plain += next;
        i += 2;
      } else {
        plain += char;
        i++;
      }
    } else if (char === '*') {
      let end = i;
      while (text[end] === '*') end++;
      const size = end - i;
      if (size > 2) outside();
      const before = text[i - 1];
      const after = text[end];
      const [left, right] = [group(before), group(after)];
      // micromark's attention tokenizer: a run opens before a non-space that is not punctuation
      // (or punctuation after a space or punctuation), closes likewise after one; a `*` or `_`
      // next to it (here only an escaped `*` before it: runs are whole) counts as such a neighbour.
      const open = right === 0 || (right === 2 && left !== 0) || after === '_';
      const close = left === 0 || (left === 2 && right !== 0) || before === '*' || before === '_';
      if (open && close) outside();
      if (open) {
        flush();
        openers.push(pieces.length);
        pieces.push({ size });
      } else if (close && openers.length > 0) {
        const from = openers.pop()!;
        if ((pieces[from] as Run).size !== size) outside();
        flush();
        const children = merge(pieces.splice(from + 1));
        pieces[from] = size === 2 ? { type: 'strong', children } : { type: 'emphasis', children };
      } else plain += text.slice(i, end);
      i = end;
    } else if (char === '[') {
      const call = sticky(FOOTNOTE_CALL, i);
      if (!call || !labels.has(call[1]!.toLowerCase()) || text[i + call[0].length] === '(') outside();
      flush();
      pieces.push({ type: 'footnoteReference', identifier: call[1]!.toLowerCase(), label: call[1]! });
      i += call[0].length;
    } else if (char === '!' && text[i + 1] === '[') {
      const image = sticky(IMAGE, i) ?? outside();
      flush();
      pieces.push({ type: 'image', title: null, url: image[2]!.replace(/\\([!-/:-@[-`{-~])/g, '$1'), alt: image[1]! });
      i += image[0].length;
    } else if (char === '<') {
      const link = sticky(AUTOLINK, i) ?? outside();
      flush();
      pieces.push({ type: 'link', title: null, url: link[1]!, children: [{ type: 'text', value: link[1]! }] });
      i += link[0].length;
    } else if (char === '&') {
      if (sticky(CHARACTER_REFERENCE, i)) outside();
      plain += char;
      i++;
    } else if (char === ' ') {
      // Spaces ending a line: two or more are a hard line break, one is dropped.
      let end = i;
      while (text[end] === ' ') end++;
      if (text[end] !== '\n') plain += text.slice(i, end);
      else if (end - i >= 2) {
        flush();
        pieces.push({ type: 'break' });
        end++;
      }
      i = end;
    } else if (char === ']' || char === '_' || char === '`' || char === '~') outside();
    else {
      plain += char;
      i++;
    }
  }
  flush();
  return merge(pieces);
}

/** Pieces as mdast children: adjacent text (strings, and runs that found no closer) in one text node. */
function merge(pieces: readonly Piece[]): PhrasingContent[] {
  const children: PhrasingContent[] = [];
  for (const piece of pieces) {
    const value = typeof piece === 'string' ? piece : 'size' in piece ? '*'.repeat(piece.size) : undefined;
    const last = children.at(-1);
    if (value === undefined) children.push(piece as PhrasingContent);
    else if (last?.type === 'text') last.value += value;
    else children.push({ type: 'text', value });
  }
  return children;
}
