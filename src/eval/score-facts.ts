import { REFERS_BACK_UP_TO, splitLabel } from '../analysis/analyze-topics.js';
import { inTimeOrder } from '../analysis/live-blog.js';
import { refersBack } from '../analysis/refers-back.js';
import { QUOTE_BREAK } from '../analysis/extract-quotes.js';
import { splitSentences } from '../analysis/segment.js';
import type { ViewModel } from '../briefing/view-model.js';
import type { Article } from '../sources/article.js';

/** A labelled fact: surfaced when a topic's section contains every keyword. */
export interface Fact {
  id: string;
  statement: string;
  keywords: string[];
}

/** The facts file format (see ../shared/eval/seeds-facts.yaml). */
export interface FactsFile {
  topics: Record<string, { facts: Fact[]; must_not_appear?: Fact[] }>;
}

export interface TopicScore {
  topic: string;
  facts: number;
  surfaced: string[];
  missing: Fact[];
  recall: number;
  leaked: Fact[];
}

export interface EvalResult {
  topics: TopicScore[];
  /**
   * Statements (developments, quotes, figure contexts, timeline entries) found verbatim in their
   * first cited article; a figure also needs its number written, whole, in its context, and a
   * quote its speaker named in that article (under any spelling the catalog knows).
   */
  provenance: { checked: number; verified: number; failures: { topic: string; text: string; source: string }[] };
  /**
   * Items that lean on the sentence before them ("This visit…", "However, …": refersBack; or that
   * the brief marks `continues`), not their article's first: each must come after an item of its own section quoting one of the
   * two sentences before it in that article (under "Background", "The decision…" cannot lean on a
   * development: it would seem to be about whatever came before it there). A timeline entry,
   * sorted by date, may not lean at all.
   */
  context: { checked: number; standing: number; failures: { topic: string; text: string; source: string }[] };
}

/** Case- and accent-insensitive, whitespace-normalised text for substring matching. */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(/[\u201C\u201D]/g, '"').replace(/\s+/g, ' ');
}

/** A topic's section as the eval reads it: sourced statements only (not the analyst's notes, not actor names). */
export function sectionText(topic: ViewModel['topics'][number]): string {
  return [
    ...topic.developments.map((d) => `${d.headline} ${d.text}`),
    ...topic.background.map((b) => b.text),
    ...topic.quotes.map((q) => `${q.text} ${q.speaker}`),
    ...topic.figures.map((f) => `${f.value} ${f.context}`),
    ...topic.timeline.map((t) => t.text),
  ].join('\n');
}

/**
 * Whether a figure's number ("2.3" of "2.3 million refugees", "12.75" of "12.75%") stands in its
 * context as a whole number, not as the tail of another ("3" in "2.3").
 */
export function numberStandsIn(value: string, context: string): boolean {
  const number = /\d[\d.,]*/.exec(value)?.[0].replace(/[.,]+$/, '');
  if (!number) return true;
  const escaped = number.replace(/[.]/g, '\\.');
  return new RegExp(`(?<![\\d.,])${escaped}(?![\\d]|[.,]\\d)`).test(context);
}

/** Scores a brief's view model against labelled facts; provenance needs the articles it cites and the spellings of catalog names. */
export function scoreFacts(facts: FactsFile, view: ViewModel, articles: readonly Article[], spellings: ReadonlyMap<string, readonly string[]> = new Map()): EvalResult {
  const topics: TopicScore[] = [];
  for (const [id, labelled] of Object.entries(facts.topics)) {
    const topic = view.topics.find((t) => t.id === id);
    const text = foldText(topic ? sectionText(topic) : '');
    const has = (fact: Fact) => fact.keywords.every((keyword) => text.includes(foldText(keyword)));
    const surfaced = labelled.facts.filter(has).map((fact) => fact.id);
    topics.push({
      topic: id,
      facts: labelled.facts.length,
      surfaced,
      missing: labelled.facts.filter((fact) => !has(fact)),
      recall: labelled.facts.length ? surfaced.length / labelled.facts.length : 1,
      leaked: (labelled.must_not_appear ?? []).filter(has),
    });
  }
  const byId = new Map(articles.map((article) => [article.id, foldText(`${article.title}\n${article.paragraphs.join('\n')}`)]));
  const provenance: EvalResult['provenance'] = { checked: 0, verified: 0, failures: [] };
  for (const topic of view.topics) {
    const statements: { text: string; source: string | undefined; value?: string; speaker?: string }[] = [
      ...topic.developments.map((d) => ({ text: d.text, source: d.sources[0]?.id })),
      ...topic.background.map((b) => ({ text: b.text, source: b.sources[0]?.id })),
      ...topic.quotes.map((q) => ({ text: q.text, source: q.sources[0]?.id, speaker: q.speaker })),
      ...topic.figures.map((f) => ({ text: f.context, source: f.sources[0]?.id, value: f.value })),
      ...topic.timeline.map((t) => ({ text: t.text, source: t.sources[0]?.id })),
    ];
    for (const statement of statements) {
      provenance.checked += 1;
      const article = statement.source ? byId.get(statement.source) : undefined;
      const { value, speaker } = statement;
      const named = (name: string) => (spellings.get(name) ?? [name]).some((spelling) => article!.includes(foldText(spelling)));
      // A quotation its attribution split is checked part by part (QUOTE_BREAK marks what is left out).
      const verbatim = article !== undefined && statement.text.split(QUOTE_BREAK).every((part) => article.includes(foldText(part)));
      if (verbatim && (value === undefined || numberStandsIn(value, statement.text)) && (speaker === undefined || named(speaker))) provenance.verified += 1;
      else provenance.failures.push({ topic: topic.id, text: value !== undefined ? `${value}: ${statement.text}` : speaker !== undefined ? `${statement.text} — ${speaker}` : statement.text, source: statement.source ?? '(none)' });
    }
  }
  return { topics, provenance, context: scoreContext(view, articles) };
}

/** EvalResult.context: whether each item that leans on the sentence before it follows that sentence. */
export function scoreContext(view: ViewModel, articles: readonly Article[]): EvalResult['context'] {
  // Sentences in the order the analysis reads them (a live blog's entries oldest first).
  const sentencesOf = new Map(articles.map((article) => [article.id, inTimeOrder(article).paragraphs.flatMap((paragraph) => splitSentences(paragraph)).map(foldText)]));
  // An item's place in its cited article: the index of the sentence that holds its text.
  const placeOf = (item: { text: string; source: string | undefined }) => (item.source ? (sentencesOf.get(item.source)?.findIndex((sentence) => sentence.includes(foldText(item.text))) ?? -1) : -1);
  const context: EvalResult['context'] = { checked: 0, standing: 0, failures: [] };
  for (const topic of view.topics) {
    const items = (list: readonly { text: string; sources: { id: string }[]; continues?: boolean }[]) => list.map((item) => ({ text: item.text, source: item.sources[0]?.id, continues: item.continues === true }));
    const sections = [
      { list: items(topic.developments), sorted: false },
      { list: items(topic.background), sorted: false },
      { list: items(topic.timeline), sorted: true },
    ];
    for (const { list, sorted } of sections) {
      list.forEach((item, index) => {
        const place = placeOf(item);
        // A background item keeps its lead-in label ("Label: This…"), which the analysis reads without.
        // Checked too: what the analysis says leans (`continues`), which words alone may not show ("The force would…").
        if (place <= 0 || !(item.continues || refersBack(splitLabel(item.text).text))) return;
        context.checked += 1;
        const shown = sorted ? [] : list.slice(0, index);
        const stands = shown.some((other) => other.source === item.source && placeOf(other) >= place - REFERS_BACK_UP_TO && placeOf(other) < place);
        if (stands) context.standing += 1;
        else context.failures.push({ topic: topic.id, text: item.text, source: item.source ?? '(none)' });
      });
    }
  }
  return context;
}
