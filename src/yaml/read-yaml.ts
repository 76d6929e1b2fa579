import { Alias, type Document, isAlias, isMap, isPair, isScalar, LineCounter, parseAllDocuments, visit, type Node as YamlNode } from 'yaml';
import { BriefError, type Problem } from '../errors.js';
import { mebibytes } from '../bytes.js';
import { plainMapping } from './plain-mapping.js';
import { cachedValue, keepValue, yamlKey } from './yaml-cache.js';

/** Input files larger than this are refused before parsing. */
export const MAX_YAML_BYTES = 1024 * 1024;
/** Alias nodes allowed in one document: enough for DRY briefs, far too few for a "billion laughs". */
export const MAX_YAML_ALIASES = 20;

/** A parsed YAML document that can map a value path back to `line:col`. */
export interface YamlSource {
  file: string;
  value: unknown;
  /** Best source position for a path into the value (falls back to the closest ancestor). */
  locate(path: readonly PropertyKey[], what?: 'key' | 'value'): Problem;
}

/**
 * Decodes bytes as UTF-8 text, refusing binary and non-UTF-8 input. A UTF-8 BOM is dropped;
 * CRLF line ends are kept (the YAML parser accepts them).
 */
export function decodeUtf8(bytes: Uint8Array, file: string, limit = MAX_YAML_BYTES): string {
  if (bytes.length > limit) {
    throw new BriefError('too-large', `file is ${mebibytes(bytes.length)} MiB, exceeds ${mebibytes(limit, 0)} MiB`, {
      location: { file },
      hint: 'brief and topic files are small text files; check that the path is right',
    });
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || bytes.includes(0)) {
    throw new BriefError('not-utf8', 'not UTF-8 text (binary data or UTF-16)', {
      location: { file },
      hint: 'save the file as UTF-8',
    });
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new BriefError('not-utf8', 'not valid UTF-8 text', { location: { file }, hint: 'save the file as UTF-8' });
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function positionOf(lineCounter: LineCounter, file: string, offset: number | undefined): Problem {
  if (offset === undefined) return { file, line: 1, col: 1, message: '' };
  const { line, col } = lineCounter.linePos(offset);
  return { file, line, col, message: '' };
}

/** Tags of the YAML core schema; a node carries a tag only when the source wrote one. */
const coreTags = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((name) => `tag:yaml.org,2002:${name}`));

function problemsOf(doc: Document.Parsed, lineCounter: LineCounter, file: string): Problem[] {
  const problems: Problem[] = [];
  for (const error of [...doc.errors, ...doc.warnings]) {
    const where = positionOf(lineCounter, file, error.pos[0]);
    // prettyErrors adds "at line 1, column 17:" and a code frame; our own position replaces them.
    const firstLine = (error.message.split('\n')[0] ?? error.message).replace(/ at line \d+, column \d+:?$/, '');
    const message = error.code === 'TAG_RESOLVE_FAILED' ? `unsupported tag: ${firstLine.replace(/^Unresolved tag:\s*/, '')}` : firstLine;
    problems.push({ ...where, message: `${message} (${error.code})` });
  }
  let aliases = 0;
  visit(doc, {
    // Briefs are plain data: explicit tags other than the core schema's own are refused.
    Node(_key, node) {
      if (!isAlias(node) && node.tag && !coreTags.has(node.tag)) {
        problems.push({ ...positionOf(lineCounter, file, node.range?.[0]), message: `unsupported tag: ${node.tag.replace('tag:yaml.org,2002:', '!!')}` });
      }
      return undefined;
    },
    Alias(_key, node: Alias) {
      aliases += 1;
      if (aliases === MAX_YAML_ALIASES + 1) {
        problems.push({ ...positionOf(lineCounter, file, node.range?.[0]), message: `too many alias references (limit ${MAX_YAML_ALIASES})` });
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return problems;
}

/**
 * A value read without the parser (kept, or read by a simpler reader) whose positions, which only
 * messages need, come from `parse` the first time one is asked for.
 */
function locatedOnDemand(file: string, value: unknown, parse: () => YamlSource): YamlSource {
  let parsed: YamlSource | undefined;
  return { file, value, locate: (path, what) => (parsed ??= parse()).locate(path, what) };
}

/**
 * parseYaml for the files that set a brief up (the brief, topics, entities, theme, recipients):
 * a dozen small files a run, read again at every run. A text parsed without a problem before
 * gives its value from the YAML cache (src/yaml/yaml-cache.ts); its positions, which only
 * messages need, come from parsing it when first asked for. Articles' front matter does not go
 * through it: thousands of texts, each read once and then kept in the store.
 */
export function parseConfigYaml(text: string, file: string): YamlSource {
  const key = yamlKey(text);
  const kept = cachedValue(key);
  if (kept) return locatedOnDemand(file, kept.value, () => parseYaml(text, file));
  const source = parseYaml(text, file);
  keepValue(key, source.value);
  return source;
}

/**
 * Parses one YAML document safely: core schema only (no custom or language tags), unique keys,
 * bounded aliases, one document per file. Throws a BriefError listing every problem.
 */
export function parseYaml(text: string, file: string): YamlSource {
  const lineCounter = new LineCounter();
  let docs: Document.Parsed[];
  try {
    docs = parseAllDocuments(text, { lineCounter, uniqueKeys: true, prettyErrors: true, schema: 'core', strict: true }) as Document.Parsed[];
  } catch (error) {
    if (error instanceof RangeError) {
      throw new BriefError('yaml', 'nesting too deep', { location: { file }, hint: 'YAML input is nested far deeper than any brief needs' });
    }
    throw error;
  }
  if (!Array.isArray(docs)) docs = [docs];
  const [doc, second] = docs;
  if (!doc) return { file, value: null, locate: () => ({ file, line: 1, col: 1, message: '' }) };
  const problems = problemsOf(doc, lineCounter, file);
  if (second) {
    problems.push({ ...positionOf(lineCounter, file, second.range[0]), message: 'more than one YAML document in the file (MULTIPLE_DOCS)' });
  }
  if (problems.length > 0) {
    throw new BriefError('yaml', problems[0]!.message, { problems, hint: 'fix the YAML syntax at the positions shown' });
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    if (error instanceof ReferenceError || error instanceof RangeError) {
      throw new BriefError('yaml', `too many alias references (${error.message})`, { location: { file, line: 1, col: 1 } });
    }
    throw error;
  }

  const locate = (path: readonly PropertyKey[], what: 'key' | 'value' = 'value'): Problem => {
    // Walk down as far as the document goes; report the deepest node found.
    let node: unknown = doc.contents;
    let keyNode: YamlNode | undefined;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === segment);
        if (!pair) break;
        keyNode = pair.key as YamlNode;
        node = pair.value;
      } else if (node && typeof node === 'object' && 'items' in node && Array.isArray((node as { items: unknown[] }).items)) {
        const item = (node as { items: unknown[] }).items[Number(segment)];
        if (item === undefined) break;
        keyNode = undefined;
        node = item;
      } else {
        break;
      }
    }
    const target = what === 'key' && keyNode ? keyNode : ((node as YamlNode | null) ?? keyNode);
    return positionOf(lineCounter, file, target?.range?.[0]);
  };
  return { file, value, locate };
}

/** Parses YAML that starts `lineOffset` lines into a file (front matter): positions are the file's. */
export function parseEmbeddedYaml(text: string, file: string, lineOffset: number): YamlSource {
  const shift = (problem: Problem): Problem => ({ ...problem, ...(problem.line !== undefined && { line: problem.line + lineOffset }) });
  try {
    const source = parseYaml(text, file);
    return { ...source, locate: (path, what) => shift(source.locate(path, what)) };
  } catch (error) {
    if (!(error instanceof BriefError)) throw error;
    const problems = error.problems.map(shift);
    throw new BriefError(error.code, error.message, { problems, ...(error.hint && { hint: error.hint }) });
  }
}

/**
 * parseEmbeddedYaml for an article's front matter. One `key: text` per line, as nearly every
 * article has, is read without the parser (plainMapping); positions, which only messages need,
 * then come from parsing it when first asked for. Any other text is parsed.
 */
export function parseFrontMatter(text: string, file: string, lineOffset: number): YamlSource {
  const value = plainMapping(text);
  return value ? locatedOnDemand(file, value, () => parseEmbeddedYaml(text, file, lineOffset)) : parseEmbeddedYaml(text, file, lineOffset);
}
