/**
 * The briefing's view model: the public JSON contract. Templates receive exactly this (with
 * source text escaped for Markdown), and it is written as `<brief>-<period>.json`.
 * Every field is always present (empty string or list when there is nothing), so strict
 * templates never meet a missing field.
 */
export interface ViewModel {
  schemaVersion: 1;
  brief: { id: string; title: string; subtitle: string; organization: string; audience: string; classification: string };
  period: {
    kind: string;
    label: string;
    from: string;
    to: string;
    text: string;
    /** Label of the previous brief that "new" is measured against; '' when there was none. */
    previous: string;
  };
  analyst: {
    bluf: string;
    judgments: { text: string; likelihood: string; confidence: string }[];
    watch: string[];
  };
  summary: { articles: number; publishers: number; topicsWithDevelopments: number; citedSources: number };
  /** The strongest sourced developments across topics (shown when the analyst wrote no bottom line). */
  bottomLine: { topic: string; text: string; sources: SourceView[] }[];
  topics: TopicView[];
  /** Data for the coverage charts (drawn in the PDF, written as SVG for the Markdown and HTML). */
  charts: {
    /** Every day of the period, YYYY-MM-DD. */
    days: string[];
    /** Articles touching each topic, per day. */
    activity: { topic: string; counts: number[] }[];
    /** Articles per outlet in the period, most first (the rest summed as "Others"). */
    outlets: { publisher: string; articles: number }[];
    /** File names of the SVG charts, beside the Markdown. */
    files: { activity: string; outlets: string };
  };
  /** Cited articles, numbered in order of first citation. */
  sources: SourceView[];
}

export interface TopicView {
  id: string;
  title: string;
  description: string;
  /** The analyst's note for this topic (analyst text, never mixed with sourced statements). */
  note: string;
  /**
   * In reading order: those quoted from one article together, in the article's order, where the
   * strongest of them stands; `rank` orders them by strength.
   */
  developments: DevelopmentView[];
  /** Explanatory passages on the topic (context, history), verbatim with their sources. */
  /** In reading order, as the developments; `continues` as theirs (one that leans on a development is one of them). */
  background: { text: string; continues: boolean; sources: SourceView[] }[];
  quotes: { text: string; speaker: string; sources: SourceView[] }[];
  /** Figures with the clause that says what they measure, verbatim. */
  figures: { value: string; context: string; sources: SourceView[] }[];
  /** Dated events, oldest first; `day` is the date written out ("25 January 2026"). */
  timeline: { date: string; day: string; text: string; sources: SourceView[] }[];
  actors: { name: string; kind: string; mentions: number }[];
}

export interface DevelopmentView {
  headline: string;
  /** Verbatim sentence from the first cited source. */
  text: string;
  /** Not in the previous period's brief (always true when there was none). */
  new: boolean;
  /** 1 for the topic's strongest development, 2 for the next… (the list itself is in reading order). */
  rank: number;
  /**
   * Leans on the development just before it, from the same article ("The visit is meant to…",
   * "The decision puts…", "Macron is due to attend, as are…"): shown under it. A background passage that refers back
   * to a development is one of these (ranked after the developments), not background.
   */
  continues: boolean;
  sources: SourceView[];
}

export interface SourceView {
  /** Citation number, the same in Markdown and PDF. */
  ref: number;
  id: string;
  title: string;
  publisher: string;
  url: string;
  published: string;
  /** The article file, relative to the brief. */
  file: string;
}
