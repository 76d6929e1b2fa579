import type { Article } from '../sources/article.js';
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
  return /(?:[.!]["'”’)]*|\?\)*["'”’]+\)*)$/.test(text);
}

/** A live blog's time stamp before an entry: "10:45 GMT – ", "9.30am: ". The entry is the report. */
const liveBlogTime = /^\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?\s*)?(?:(?:GMT|UTC|CET|CEST|EET|EEST|MSK|BST|ET|EST|EDT)\b\s*)?(?:[–—-]|:)\s+/i;

/**
 * Splits articles into passages worth scoring, in reading order. Site furniture ("Sign up for our
 * newsletter…", "(Reporting by…)") gives none, including in stores ingested before it was known.
 */
export function buildPassages(articles: readonly Article[]): Passage[] {
  const passages: Passage[] = [];
  for (const article of articles) {
    article.paragraphs.forEach((paragraph, p) => {
      if (isSiteFurniture(paragraph)) return;
      splitSentences(paragraph).forEach((sentence, s) => {
        const text = s === 0 ? sentence.replace(liveBlogTime, '') : sentence;
        const { tokens, cased } = tokenizeBoth(text);
        if (tokens.length < MIN_TOKENS || tokens.length > MAX_TOKENS || !endsLikeSentence(text)) return;
        passages.push({ articleId: article.id, paragraph: p, sentence: s, text, tokens, cased });
      });
    });
  }
  return passages;
}
