import type { ViewModel } from './view-model.js';

/**
 * The view model's shape as data, for the template linter and docs/templates.md. The type below
 * makes the compiler check that it names exactly the fields of ViewModel, so neither can drift.
 */
export type Shape = { kind: 'string' | 'number' | 'boolean'; doc: string } | { kind: 'object'; doc: string; fields: Record<string, Shape> } | { kind: 'array'; doc: string; item: Shape };

type ShapeOf<T> = T extends string
  ? { kind: 'string'; doc: string }
  : T extends number
    ? { kind: 'number'; doc: string }
    : T extends boolean
      ? { kind: 'boolean'; doc: string }
      : T extends readonly (infer I)[]
        ? { kind: 'array'; doc: string; item: ShapeOf<I> }
        : { kind: 'object'; doc: string; fields: { [K in keyof T]-?: ShapeOf<T[K]> } };

const str = (doc: string) => ({ kind: 'string', doc }) as const;
const num = (doc: string) => ({ kind: 'number', doc }) as const;
const bool = (doc: string) => ({ kind: 'boolean', doc }) as const;

const source = {
  kind: 'object',
  doc: 'A cited article',
  fields: {
    ref: num('Citation number, the same in the Markdown, HTML and PDF; cite it with {{cite sources}}'),
    id: str('Article id (from its file name or title)'),
    title: str('Headline'),
    publisher: str('Outlet'),
    url: str('Link to the article, or empty'),
    published: str('Publication date, YYYY-MM-DD'),
    file: str('The article file, relative to the brief (or the feed URL)'),
  },
} as const;
const sources = { kind: 'array', doc: 'Articles this item cites: one per outlet, the quoted one first', item: source } as const;

const shape: ShapeOf<ViewModel> = {
  kind: 'object',
  doc: 'The briefing',
  fields: {
    schemaVersion: num('Version of this contract (1)'),
    brief: {
      kind: 'object',
      doc: 'From the brief file',
      fields: {
        id: str('Brief id'),
        title: str('Title'),
        subtitle: str('Subtitle, or empty'),
        organization: str('Organisation, or empty'),
        audience: str('Who the brief is for, or empty'),
        classification: str('Classification banner, or empty'),
      },
    },
    period: {
      kind: 'object',
      doc: 'The period covered',
      fields: {
        kind: str('week, month, day or range'),
        label: str('2026-W04, 2026-01, 2026-01-19 or 2026-01-19_2026-02-01'),
        from: str('First day, YYYY-MM-DD'),
        to: str('Last day, YYYY-MM-DD'),
        text: str('Written out: "19–25 January 2026"'),
        previous: str('Label of the previous brief "new" is measured against, or empty'),
      },
    },
    analyst: {
      kind: 'object',
      doc: "The analyst's own judgement (never mixed with sourced statements)",
      fields: {
        bluf: str('Bottom line up front, or empty'),
        judgments: {
          kind: 'array',
          doc: 'Key judgments',
          item: {
            kind: 'object',
            doc: 'A judgment',
            fields: { text: str('The judgment'), likelihood: str('ICD 203 likelihood: almost no chance … almost certain'), confidence: str('low, moderate or high') },
          },
        },
        watch: { kind: 'array', doc: 'What to watch', item: str('An item to watch') },
      },
    },
    summary: {
      kind: 'object',
      doc: 'Counts',
      fields: {
        articles: num('Articles in the period'),
        publishers: num('Distinct publishers'),
        topicsWithDevelopments: num('Topics with at least one development'),
        citedSources: num('Articles cited'),
      },
    },
    bottomLine: {
      kind: 'array',
      doc: 'The strongest sourced developments across topics (for when the analyst wrote no bottom line)',
      item: { kind: 'object', doc: 'A development', fields: { topic: str('Topic title'), text: str('Verbatim sentence'), sources } },
    },
    topics: {
      kind: 'array',
      doc: 'One section per topic, in the brief’s order',
      item: {
        kind: 'object',
        doc: 'A topic section',
        fields: {
          id: str('Topic id'),
          title: str('Topic title'),
          description: str('What the topic covers'),
          note: str("The analyst's note for this topic, or empty"),
          developments: {
            kind: 'array',
            doc: "Key developments in reading order: those from one article together, in the article's order, where the strongest of them stands (the strongest three: {{#each (strongest developments 3)}})",
            item: {
              kind: 'object',
              doc: 'A development',
              fields: {
                headline: str('Lead-in label from the source, or empty'),
                text: str('Verbatim sentence from the first source'),
                new: bool('Not in the previous brief'),
                rank: num("1 for the topic's strongest development, 2 for the next… (a background passage shown as a follow-on ranks after them all)"),
                continues: bool('Leans on the item just before it, from the same article ("The visit is meant to…", "Macron is due to attend, as are…"): shown under it'),
                sources,
              },
            },
          },
          background: {
            kind: 'array',
            doc: 'Explanatory passages, in reading order as the developments',
            item: {
              kind: 'object',
              doc: 'A passage',
              fields: {
                text: str('Verbatim passage'),
                continues: bool('Leans on the passage just before it, from the same article: shown under it (one that leans on a development is listed with the developments)'),
                sources,
              },
            },
          },
          quotes: {
            kind: 'array',
            doc: 'Direct quotations',
            item: { kind: 'object', doc: 'A quotation', fields: { text: str('The quoted words, verbatim'), speaker: str('Who said them'), sources } },
          },
          figures: {
            kind: 'array',
            doc: 'Figures',
            item: { kind: 'object', doc: 'A figure', fields: { value: str('"2.3%", "about $45 billion", "more than 30 countries", as written'), context: str('The verbatim clause saying what it measures'), sources } },
          },
          timeline: {
            kind: 'array',
            doc: 'Dated events, oldest first',
            item: { kind: 'object', doc: 'An event', fields: { date: str('YYYY-MM-DD'), day: str('Written out: "25 January 2026"'), text: str('Verbatim sentence'), sources } },
          },
          actors: {
            kind: 'array',
            doc: 'People, organisations and places, most mentioned first',
            item: { kind: 'object', doc: 'An actor', fields: { name: str('Canonical name'), kind: str('person, organization or place'), mentions: num('Mentions in the topic') } },
          },
        },
      },
    },
    charts: {
      kind: 'object',
      doc: 'Data for the coverage charts',
      fields: {
        days: { kind: 'array', doc: 'Every day of the period', item: str('YYYY-MM-DD') },
        activity: {
          kind: 'array',
          doc: 'Articles touching each topic, per day',
          item: { kind: 'object', doc: 'A topic series', fields: { topic: str('Topic title'), counts: { kind: 'array', doc: 'One count per day', item: num('Articles that day') } } },
        },
        outlets: { kind: 'array', doc: 'Articles per outlet, most first', item: { kind: 'object', doc: 'An outlet', fields: { publisher: str('Outlet'), articles: num('Articles in the period') } } },
        files: {
          kind: 'object',
          doc: 'SVG chart files beside the Markdown; use them as images: ![Articles per topic per day](<{{charts.files.activity}}>)',
          fields: { activity: str('Articles per topic per day'), outlets: str('Sources by outlet') },
        },
      },
    },
    sources: { kind: 'array', doc: 'Every cited article, numbered in order of first citation', item: source },
  },
};

export const viewModelShape: Shape = shape;
