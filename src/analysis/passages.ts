import type { Article } from '../sources/article.js';
import { datelineLength } from '../sources/dateline.js';
import { quotationsIn, unquotedText } from './extract-quotes.js';
import { entryStamp } from './live-blog.js';
import { isOpinion } from './opinion.js';
import { splitSentences } from './segment.js';
import { isSiteFurniture } from './site-furniture.js';
import { tokenizeBoth } from './tokenize.js';

/** One sentence of one article, the unit that is scored and quoted verbatim. */
export interface Passage {
  articleId: string;
  /** Position in the article: paragraph index, sentence index. */
  paragraph: number;
  sentence: number;
  text: string;
  /** Lower-cased tokens, and the same tokens with their case (for acronyms such as US or PP). */
  tokens: string[];
  cased: string[];
  /**
   * An interview's answer: whom its paragraph's label gives the words to, as written
   * ("Häkkänen: We will not send ground troops."). Someone's words, not the outlet's report.
   */
  answeredBy?: string;
  /** Surnames its article gives someone the catalog does not know (surnamesOfOthers); set on every passage of it. */
  surnamesOfOthers?: ReadonlySet<string>;
}

/** Sentences shorter than this are headings, labels or fragments, not reports. */
const MIN_TOKENS = 6;
/** Longer "sentences" are run-ons or lists that a brief should not quote whole. */
const MAX_TOKENS = 90;

/**
 * True for text that ends like a sentence that reports (so headings and labels are left out, and
 * so are the writer's own questions: "Will the Catalan parties back the budget?" reports nothing).
 * A question in quotation marks is someone's words, and stands: “Who will pay for it?”
 */
function endsLikeSentence(text: string): boolean {
  return /(?:[.!]["'”’)»“]*|\?\)*["'”’»“]+\)*)$/.test(text);
}

/**
 * "I", "my", "we", "our" (not "US"; not the "I" of "World War I"; not "mine", which on this beat
 * is more often what a vehicle hits): the writer's own voice when outside quotation marks, which a
 * brief cannot repeat as a report ("I asked the minister…", "In my view…" would read as the analyst's).
 */
const firstPerson = /(?<!\b(?:War|Phase|Article|Part|Title|Section|Chapter|Class|Type|Stage|Tier|Annex|Pillar) )\bI\b|\b(?:[Mm]e|[Mm]y|[Mm]yself|[Ww]e|us|[Oo]urs?|[Oo]urselves)\b/;

/**
 * Whether the writer speaks in the first person outside the sentence's quotations (in any of the
 * marks outlets use, as quotes are read; one left open at either end included).
 */
function inWritersVoice(text: string): boolean {
  // Most sentences have no such word at all: looked for first, the quotations are cut only then.
  if (!firstPerson.test(text)) return false;
  const unquoted = unquotedText(text, quotationsIn(text), text.length, ' ');
  return firstPerson.test(unquoted.replace(/^[^“]*”/, ' ').replace(/“.*$/, ' '));
}

/** A flash before a report: "BREAKING: ", "UPDATE – ". Not a headline for what follows. */
const flash = /^(?:BREAKING(?: NEWS)?|UPDATED?|EXCLUSIVE|DEVELOPING|URGENT|FLASH|LIVE)\s*(?:[:–—-])\s+/;

/**
 * A sentence without what leads into it: the article's dateline ("MADRID, Jan 22 (Reuters) - ")
 * before its first sentence, a live blog's time stamp ("10:45 GMT – ") or a flash ("BREAKING: ")
 * before a paragraph's.
 */
function withoutLeadIn(sentence: string, paragraph: number, index: number): string {
  if (index > 0) return sentence;
  const text = paragraph === 0 ? sentence.slice(datelineLength(sentence)) : sentence;
  return text.replace(entryStamp, '').replace(flash, '');
}

/**
 * The label an interview's transcript leads an answer with: a name of up to three words before a
 * colon ("Häkkänen: …", "Antti Häkkänen: …"), or "A:" after a "Q:".
 */
const answerLabel = /^(\p{Lu}[\p{L}’'-]*(?:\s+(?:(?:de|del|der|van|von|la|le)\s+)?\p{Lu}[\p{L}’'-]*){0,2}):\s+(?=\S)/u;

/**
 * Whose answer a paragraph of an interview is: the name its label gives, when the article names
 * that person in full elsewhere ("Finland's defence minister Antti Häkkänen spoke to…", then
 * "Häkkänen: We will not send ground troops."), so that a label such as "Kyiv: …" or the outlet's
 * own ("Nordic Review: How many troops…?") is none, and after a question. "A" when the label is
 * "A:", whose speaker the transcript does not name.
 */
function answerOf(article: Article, p: number, others: () => string): string | undefined {
  const label = answerLabel.exec(article.paragraphs[p]!)?.[1];
  // An answer follows a question: a round-up's "Poland: Warsaw will…" is none.
  if (label === undefined || label === article.publisher || !article.paragraphs.slice(0, p).some((before) => /\?[\s*]*$/.test(before))) return undefined;
  if (label === 'A') return label;
  // The label holds letters, apostrophes, hyphens and spaces alone.
  const inFull = label.includes(' ') ? new RegExp(`(?<![\\p{L}])${label}(?![\\p{L}])`, 'u') : new RegExp(`\\p{Lu}[\\p{L}’'-]+\\s+${label}(?![\\p{L}])`, 'u');
  return label.length > 1 && inFull.test(others()) ? label : undefined;
}

/** A paragraph or sentence left out as no report, and why (for --explain). */
export interface NotAReport {
  articleId: string;
  text: string;
  reason: 'site furniture' | "the writer's own question" | "the writer's own voice (first person outside quotation marks)" | 'an opinion piece' | "an interview's answer, its speaker unnamed";
}

/**
 * Splits articles into passages worth scoring, in reading order. Site furniture ("Sign up for our
 * newsletter…", "(Reporting by…)") gives none, including in stores ingested before it was known,
 * nor does an opinion piece (isOpinion). Opinion pieces, furniture, the writer's questions and
 * first person are listed in `notReports` when it is given; headings and fragments (too short, no
 * full stop) are not.
 */
export function buildPassages(articles: readonly Article[], notReports?: NotAReport[]): Passage[] {
  const passages: Passage[] = [];
  for (const article of articles) {
    // A column or an editorial argues: none of its sentences is a development, a figure or an event.
    if (isOpinion(article)) {
      notReports?.push({ articleId: article.id, text: article.title, reason: 'an opinion piece' });
      continue;
    }
    // The article's text but an interview's answers, where the people it quotes are named in full.
    let others: string | undefined;
    const othersOf = () => (others ??= [article.title, ...article.paragraphs.filter((paragraph) => !answerLabel.test(paragraph))].join('\n'));
    article.paragraphs.forEach((paragraph, p) => {
      if (isSiteFurniture(paragraph)) {
        notReports?.push({ articleId: article.id, text: paragraph, reason: 'site furniture' });
        return;
      }
      const answeredBy = answerOf(article, p, othersOf);
      if (answeredBy === 'A') {
        notReports?.push({ articleId: article.id, text: paragraph, reason: "an interview's answer, its speaker unnamed" });
        return;
      }
      splitSentences(paragraph).forEach((sentence, s) => {
        // Furniture run on after the report in one paragraph, as a feed's text gives it ("… the
        // governor said. The post Drones hit Odesa port appeared first on Eastern Desk.").
        if (s > 0 && isSiteFurniture(sentence)) {
          notReports?.push({ articleId: article.id, text: sentence, reason: 'site furniture' });
          return;
        }
        const text = withoutLeadIn(sentence, p, s);
        const { tokens, cased } = tokenizeBoth(text);
        if (tokens.length < MIN_TOKENS || tokens.length > MAX_TOKENS) return;
        if (!endsLikeSentence(text)) {
          if (/\?\)*$/.test(text)) notReports?.push({ articleId: article.id, text, reason: "the writer's own question" });
          return;
        }
        // An answer's "I" and "we" are its speaker's.
        if (answeredBy === undefined && inWritersVoice(text)) {
          notReports?.push({ articleId: article.id, text, reason: "the writer's own voice (first person outside quotation marks)" });
          return;
        }
        // Every passage has every field, so all have one shape for the code that reads them.
        passages.push({ articleId: article.id, paragraph: p, sentence: s, text, tokens, cased, answeredBy, surnamesOfOthers: undefined });
      });
    });
  }
  return passages;
}
