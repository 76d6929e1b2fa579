import { execFileSync } from 'node:child_process';

/** PDF structure read back with qpdf --json and poppler: what tests assert on, not what we meant to draw. */

type Json = Record<string, unknown>;

export interface PdfObjects {
  get(ref: unknown): unknown;
  all: Record<string, { value?: unknown }>;
}

export function readObjects(file: string): PdfObjects {
  const data = JSON.parse(execFileSync('qpdf', ['--json=2', '--json-key=qpdf', file], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })) as { qpdf: [Json, Record<string, { value?: unknown }>] };
  const all = data.qpdf[1];
  const get = (ref: unknown): unknown => (typeof ref === 'string' && /^\d+ \d+ R$/.test(ref) ? all[`obj:${ref}`]?.value : ref);
  return { all, get };
}

/** Page object refs in page order. */
export function pageRefs(objects: PdfObjects): string[] {
  const catalog = Object.values(objects.all).find((o) => (o.value as Json | undefined)?.['/Type'] === '/Catalog')!.value as Json;
  const refs: string[] = [];
  const walk = (ref: unknown) => {
    const node = objects.get(ref) as Json;
    if (node['/Type'] === '/Page') refs.push(ref as string);
    else for (const kid of node['/Kids'] as unknown[]) walk(kid);
  };
  walk(catalog['/Pages']);
  return refs;
}

/** Named destinations: name → 0-based page index and y (PDF space, from the bottom). */
export function namedDestinations(objects: PdfObjects): Map<string, { page: number; y: number }> {
  const pages = pageRefs(objects);
  const catalog = Object.values(objects.all).find((o) => (o.value as Json | undefined)?.['/Type'] === '/Catalog')!.value as Json;
  const names = objects.get(catalog['/Names']) as Json;
  const result = new Map<string, { page: number; y: number }>();
  const walk = (ref: unknown) => {
    const node = objects.get(ref) as Json;
    const pairs = (node['/Names'] as unknown[] | undefined) ?? [];
    for (let i = 0; i < pairs.length; i += 2) {
      const dest = objects.get(pairs[i + 1]) as unknown[];
      result.set(String(pairs[i]).replace(/^u:/, ''), { page: pages.indexOf(dest[0] as string), y: dest[3] as number });
    }
    for (const kid of (node['/Kids'] as unknown[] | undefined) ?? []) walk(kid);
  };
  walk(names['/Dests']);
  return result;
}

export interface LinkAnnotation {
  page: number;
  rect: [number, number, number, number];
  uri?: string;
  dest?: string;
}

/** Every link annotation, with its page, rectangle and target. */
export function linkAnnotations(objects: PdfObjects): LinkAnnotation[] {
  const links: LinkAnnotation[] = [];
  pageRefs(objects).forEach((ref, page) => {
    const annots = (objects.get((objects.get(ref) as Json)['/Annots']) as unknown[] | undefined) ?? [];
    for (const annotRef of annots) {
      const annot = objects.get(annotRef) as Json;
      if (annot['/Subtype'] !== '/Link') continue;
      const action = objects.get(annot['/A']) as Json | undefined;
      const uri = action?.['/URI'];
      const dest = annot['/Dest'] ?? action?.['/D'];
      links.push({ page, rect: annot['/Rect'] as [number, number, number, number], ...(typeof uri === 'string' && { uri: uri.replace(/^u:/, '') }), ...(typeof dest === 'string' && { dest: dest.replace(/^u:|^\//, '') }) });
    }
  });
  return links;
}

export interface Word {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface TextLine {
  page: number;
  text: string;
  yMin: number;
  yMax: number;
  xMin: number;
}

/** Words and lines with positions (top-left origin, as poppler reports them). */
export function readLayout(file: string): { words: Word[]; lines: TextLine[]; pages: { width: number; height: number }[] } {
  const xml = execFileSync('pdftotext', ['-bbox-layout', file, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const words: Word[] = [];
  const lines: TextLine[] = [];
  const pages: { width: number; height: number }[] = [];
  const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'");
  xml.split(/<page /).slice(1).forEach((chunk, page) => {
    pages.push({ width: Number(/width="([\d.]+)"/.exec(chunk)![1]), height: Number(/height="([\d.]+)"/.exec(chunk)![1]) });
    for (const line of chunk.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)) {
      const lineWords = [...line[4]!.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((w) => ({
        page,
        text: decode(w[5]!),
        xMin: Number(w[1]),
        yMin: Number(w[2]),
        xMax: Number(w[3]),
        yMax: Number(w[4]),
      }));
      words.push(...lineWords);
      lines.push({ page, text: lineWords.map((w) => w.text).join(' '), xMin: Number(line[1]), yMin: Number(line[2]), yMax: Number(line[3]) });
    }
  });
  return { words, lines, pages };
}

/** Outline entries flattened in order: title, depth, 0-based page. */
export function outline(file: string): { title: string; depth: number; page: number }[] {
  const data = JSON.parse(execFileSync('qpdf', ['--json', '--json-key=outlines', file], { encoding: 'utf8' })) as { outlines: { title: string; destpageposfrom1: number; kids: unknown[] }[] };
  const out: { title: string; depth: number; page: number }[] = [];
  const walk = (items: { title: string; destpageposfrom1: number; kids: unknown[] }[], depth: number) => {
    for (const item of items) {
      out.push({ title: item.title, depth, page: item.destpageposfrom1 - 1 });
      walk(item.kids as typeof items, depth + 1);
    }
  };
  walk(data.outlines, 0);
  return out;
}
