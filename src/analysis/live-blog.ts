import type { Article } from '../sources/article.js';

/** A live blog's time of day: hours, minutes, "am" or "pm" (its letter captured), a zone. */
const time = String.raw`(\d{1,2})[:.](\d{2})\s*(?:([ap])\.?m\.?\s*)?(?:(?:GMT|UTC|CET|CEST|EET|EEST|MSK|BST|ET|EST|EDT)\b\s*)?`;
/** A live blog's time stamp before an entry: "10:45 GMT – ", "9.30am: ". The entry is the report: passages.ts leaves the stamp off. */
export const entryStamp = new RegExp(String.raw`^${time}(?:[–—-]|:)\s+`, 'i');
/** A live blog's time stamp: a paragraph of its own ("14.05 GMT", "9.30am") or the start of an entry (entryStamp). */
const stamp = new RegExp(String.raw`^${time}(?:$|(?:[–—-]|:)\s+)`, 'i');

/** Minutes after midnight of a paragraph's time stamp, or undefined when it opens with none. */
function minutesOf(paragraph: string): number | undefined {
  const match = stamp.exec(paragraph);
  if (!match) return undefined;
  const [, h, m, half] = match;
  const hours = Number(h) % (half ? 12 : 24) + (half?.toLowerCase() === 'p' ? 12 : 0);
  return hours * 60 + Number(m);
}

/**
 * An article as it happened: a live blog written newest first (its entries' time stamps mostly
 * going back) with its entries turned oldest first, each entry's own paragraphs in their order and
 * what comes before the first stamp (a summary of key points) kept first. Then "Ukraine's general
 * staff rejected the claim" follows the claim it answers, and a sentence that leans on the one
 * before it leans on the entry before it in time. Any other article is returned as it is.
 */
export function inTimeOrder(article: Article): Article {
  const entries: number[] = [];
  const times: number[] = [];
  article.paragraphs.forEach((paragraph, index) => {
    const minutes = minutesOf(paragraph);
    if (minutes === undefined) return;
    entries.push(index);
    times.push(minutes);
  });
  if (entries.length < 3) return article;
  let back = 0;
  let on = 0;
  for (let i = 1; i < times.length; i++) {
    if (times[i]! < times[i - 1]!) back++;
    else if (times[i]! > times[i - 1]!) on++;
  }
  // Newest first, past midnight once at most.
  if (back < 2 || on > 1) return article;
  const blocks = entries.map((start, i) => article.paragraphs.slice(start, entries[i + 1] ?? article.paragraphs.length));
  return { ...article, paragraphs: [...article.paragraphs.slice(0, entries[0]), ...blocks.reverse().flat()] };
}
