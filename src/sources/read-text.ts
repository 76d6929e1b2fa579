import { normalizeSpace, type ArticleFields } from './article.js';
import { outletOfLine } from './known-outlets.js';

/** Lines where site furniture starts; everything from there on is dropped. */
const trailerStarts = [
  /^Editorial Context & Insight$/i,
  /^Leave a Reply$/i,
  /^You must be logged in to post a comment/i,
  /^Related (articles|stories)$/i,
  /^(Methodology|Primary Source|Quality Assurance|Share this( article)?|About the author)$/i,
];
/** Reporter credit lines such as "Esther Webber reported from London." */
const creditLine = /^(?:[A-Z][\p{L}'’-]+(?: [A-Z][\p{L}'’-]+){1,3} reported from [A-Z][\p{L} ]+(?: and |, |\.\s*))+/u;

/** Longest first line taken as a headline as it stands. */
const MAX_HEADLINE = 160;

/** The headline a first line gives: itself when short, else its first sentence or opening words. */
function headlineFrom(line: string): string {
  if (line.length <= MAX_HEADLINE) return line;
  const sentence = /^.{20,160}?[.!?](?=\s)/.exec(line)?.[0];
  return sentence ?? `${line.split(' ').slice(0, 14).join(' ')}…`;
}

/**
 * Reads plain text as saved from a news page: the first line is the headline; a line holding
 * only "-" belongs to the bullet item that follows it; credits, comment forms and site furniture
 * are removed. A known outlet named alone on a line (a "Primary Source" block) is the publisher.
 */
export function readTextArticle(text: string): ArticleFields {
  const lines = text.split(/\r?\n/).map((line) => line.trim());
  const paragraphs: string[] = [];
  const publisher = lines.map(outletOfLine).find((outlet) => outlet !== undefined);
  let title = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '' || outletOfLine(line)) continue;
    if (trailerStarts.some((pattern) => pattern.test(line))) break;
    if (!title) {
      title = headlineFrom(normalizeSpace(line));
      // A first line that is a whole paragraph is body text, not a headline.
      if (title === normalizeSpace(line)) continue;
    }
    if (/^[-–•]$/.test(line)) continue; // the item itself is on the next line
    if (creditLine.test(line)) continue;
    paragraphs.push(normalizeSpace(line.replace(/^[-–•]\s+/, '')));
  }
  return { title, url: '', author: '', ...(publisher && { publisher }), paragraphs };
}
