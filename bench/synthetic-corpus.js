// A deterministic synthetic corpus: articles recombined from the sample corpus's paragraphs
// (realistic sentence lengths and topic mix), with dates spread over a period.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Mulberry32: a small seeded PRNG, so every run builds the same corpus. */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Paragraphs and titles of the sample corpus. */
export function sampleParagraphs(root) {
  const paragraphs = [];
  const titles = [];
  for (const week of readdirSync(join(root, 'corpus'))) {
    for (const name of readdirSync(join(root, 'corpus', week))) {
      const text = readFileSync(join(root, 'corpus', week, name), 'utf8');
      titles.push(/^title: (.*)$/m.exec(text)?.[1] ?? name);
      paragraphs.push(...text.replace(/^---[\s\S]*?---\n/, '').split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean));
    }
  }
  return { paragraphs, titles };
}

const publishers = ['Continental Desk', 'Baltic Wire', 'Iberia Ledger', 'Dnipro Review', 'Harbour Street Journal', 'Brussels Briefing', 'Washington Ledger', 'Steppe & Silk Observer'];

const weekdays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/**
 * A paragraph as the `i`th article tells it: each count (not a year or a percentage) raised by
 * 1–9 and each weekday moved on, by the article's number. Reports alike in words but not in such
 * details are different developments, so a corpus of thousands of such articles holds hundreds of
 * distinct reports, as a real archive does, rather than the sample's ~150 paragraphs repeated.
 */
export function variedParagraph(text, i) {
  return text
    .replace(/\b\d+\b(?!%| per ?cent)/g, (n) => (/^(19|20)\d\d$/.test(n) ? n : String(Number(n) + 1 + (i % 9))))
    .replace(/\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/g, (day) => weekdays[(weekdays.indexOf(day) + i) % 7]);
}

/** `count` articles as the Article shape, dated across `days` days from `from`; `vary`: their details varied (variedParagraph). */
export function syntheticArticles(root, count, { from = '2026-01-19', days = 7, seed = 42, vary = false } = {}) {
  const { paragraphs, titles } = sampleParagraphs(root);
  const next = random(seed);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const start = Date.parse(`${from}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) => ({
    id: `a${i}`,
    title: pick(titles),
    publisher: pick(publishers),
    url: `https://synthetic.example/${i}`,
    published: new Date(start + Math.floor(next() * days) * 86_400_000).toISOString().slice(0, 10),
    author: '',
    paragraphs: Array.from({ length: 4 + Math.floor(next() * 7) }, () => (vary ? variedParagraph(pick(paragraphs), i) : pick(paragraphs))),
    file: `a${i}.md`,
  }));
}
