import { z } from 'zod';
import { BriefError } from '../errors.js';
import { toProblems } from '../brief/to-problems.js';
import type { YamlSource } from '../yaml/read-yaml.js';
import { parseOnce } from '../parse-once.js';

const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'expected a colour like #1a1a1a');
const size = z.number().min(4, 'font size below 4pt').max(72, 'font size above 72pt');
const margin = z.number().min(18).max(250);

/** The PDF look, from `templates/<name>/theme.yaml`. Every field has a default. */
export const themeSchema = z.strictObject({
  page: z
    .strictObject({
      size: z.enum(['A4', 'LETTER']).default('A4'),
      margins: z.strictObject({ top: margin, bottom: margin, left: margin, right: margin }).default({ top: 72, bottom: 64, left: 66, right: 66 }),
    })
    .default({ size: 'A4', margins: { top: 72, bottom: 64, left: 66, right: 66 } }),
  fonts: z
    .strictObject({
      body: z.string().default('DejaVuSerif'),
      bodyBold: z.string().default('DejaVuSerif-Bold'),
      bodyItalic: z.string().default('DejaVuSerif-Italic'),
      bodyBoldItalic: z.string().default('DejaVuSerif-BoldItalic'),
      heading: z.string().default('DejaVuSans-Bold'),
      sans: z.string().default('DejaVuSans'),
      mono: z.string().default('DejaVuSansMono'),
    })
    .prefault({}),
  sizes: z
    .strictObject({ body: size.default(10.5), h1: size.default(20), h2: size.default(14), h3: size.default(11.5), small: size.default(8) })
    .prefault({}),
  /** Extra space between lines, as a fraction of the font size. */
  leading: z.number().min(0).max(2).default(0.35),
  colors: z
    .strictObject({
      text: color.default('#1a1a1a'),
      heading: color.default('#0b2545'),
      accent: color.default('#8d0801'),
      muted: color.default('#5c5c5c'),
      link: color.default('#1d4e89'),
      rule: color.default('#c8c8c8'),
    })
    .prefault({}),
  /** Running header and footer; `{title}`, `{period}`, `{page}`, `{pages}` are filled in. */
  header: z.string().default('{title} · {period}'),
  footer: z.string().default('Page {page} of {pages}'),
  /** A cover page (title, subtitle, period, organisation, date, classification, logo) replaces the title block. */
  cover: z.boolean().default(true),
  /** A table of contents with page numbers, after the cover. */
  toc: z.boolean().default(true),
  /** A PNG or JPEG logo for the cover, relative to the template folder. */
  logo: z.string().regex(/\.(png|jpe?g)$/i, 'logo must be a .png or .jpg file').optional(),
  /** Guards: a brief longer than this is refused; a layout slower than this is stopped. */
  maxPages: z.int().min(1).max(5000).default(500),
  timeoutMs: z.int().min(100).max(600_000).default(30_000),
});

export type Theme = z.infer<typeof themeSchema>;

/** The smallest text column a theme may leave (narrower columns make pdfkit loop or break words). */
export const MIN_COLUMN_WIDTH = 144;

const pageWidths = { A4: 595.28, LETTER: 612 } as const;

/** Validates a theme document; problems carry theme.yaml:line:col. */
export function parseTheme(source: YamlSource): Theme {
  const parsed = themeSchema.safeParse(source.value ?? {}, parseOnce);
  if (!parsed.success) {
    const problems = toProblems(parsed.error.issues, source, () => Object.keys(themeSchema.shape));
    throw new BriefError('theme', problems[0]?.message ?? 'invalid theme', { problems, hint: 'see templates/weekly/theme.yaml for every theme setting' });
  }
  const theme = parsed.data;
  const { left, right } = theme.page.margins;
  const column = pageWidths[theme.page.size] - left - right;
  if (column < MIN_COLUMN_WIDTH) {
    throw new BriefError('theme', `invalid layout: text column ${column.toFixed(0)}pt < minimum ${MIN_COLUMN_WIDTH}pt`, {
      location: source.locate(['page', 'margins']),
      hint: 'reduce the left and right margins',
    });
  }
  return theme;
}
