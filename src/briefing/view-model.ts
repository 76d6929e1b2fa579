/**
 * The briefing's view model: the public JSON contract. Templates receive exactly this (with
 * source text escaped for Markdown), and it is written as `<brief>-<period>.json`.
 * Every field is always present (empty string or list when there is nothing), so strict
 * templates never meet a missing field.
 */
export interface ViewModel {
  schemaVersion: 1;
  brief: { id: string; title: string; subtitle: string; organization: string; classification: string };
  period: { kind: string; label: string; from: string; to: string; text: string };
  analyst: {
    bluf: string;
    judgments: { text: string; likelihood: string; confidence: string }[];
    watch: string[];
  };
  summary: { articles: number; publishers: number; topicsWithDevelopments: number; citedSources: number };
  topics: TopicView[];
  /** Cited articles, numbered in order of first citation. */
  sources: SourceView[];
}

export interface TopicView {
  id: string;
  title: string;
  description: string;
  /** The analyst's note for this topic (analyst text, never mixed with sourced statements). */
  note: string;
  developments: DevelopmentView[];
}

export interface DevelopmentView {
  headline: string;
  /** Verbatim sentence from the first cited source. */
  text: string;
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
