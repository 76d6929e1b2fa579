import { rankFactors, type Analysis, type RankParts } from './analyze-topics.js';

/** How many of the paragraphs and sentences read as no report --explain lists (all are counted). */
const NOT_REPORTS_SHOWN = 12;

function clip(text: string, length = 140): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

/**
 * A development's strength (what the developments are ranked by) as the product it is: its
 * relevance (capped topic score) times each factor, the factor's input in brackets, so the printed
 * numbers multiply out to it. ("Strength", as the view model's `rank` is the place it gives: 1, 2…)
 */
function formatRank(p: RankParts): string {
  const relevance = p.score > p.relevance ? `relevance ${p.relevance.toFixed(2)} (score ${p.score.toFixed(2)}, capped)` : `relevance ${p.relevance.toFixed(2)}`;
  const factors = rankFactors(p).map((f) => `${f.factor.toFixed(3)} ${f.name} (${Number.isInteger(f.value) ? f.value : f.value.toFixed(2)})`);
  return `strength ${p.rank.toFixed(2)} = ${[relevance, ...factors].join(' × ')}`;
}

/** A readable account of why each development was chosen and what was left out (for --explain). */
export function formatExplanation(analysis: Analysis): string {
  const lines: string[] = [];
  for (const topic of analysis.topics) {
    lines.push(`## ${topic.topic.id}: ${topic.topic.title} (${topic.candidates} passages assigned; developments in reading order)`);
    const picked = topic.developments.filter((d) => !d.followsOn).length;
    topic.developments.forEach((d, i) => {
      const chosen = d.followsOn ? 'chosen as background; it refers back to the one above, so it follows it on' : `chosen ${d.pick} of ${picked}`;
      lines.push(`${String(i + 1).padStart(2)}. ${formatRank(d.parts)}  (${chosen})${d.new ? '' : '  (not new)'}`);
      // Only a sentence that took its topic from the one before it has no term of its own (assignPassages).
      const terms = d.terms.length > 0 ? d.terms.join(', ') : 'none of its own (its topic is the sentence before it)';
      lines.push(`    terms: ${terms}; entities: ${d.entities.join(', ') || '-'}`);
      lines.push(`    "${clip(d.headline ? `${d.headline}: ${d.text}` : d.text)}"`);
      for (const member of d.members.slice(1)) lines.push(`    + same event in ${member.articleId}: "${clip(member.text, 100)}"`);
    });
    for (const b of topic.background) lines.push(`  background (relevance ${b.parts.relevance.toFixed(2)}): "${clip(b.text)}"`);
    if (topic.rejected.length > 0) lines.push('  best passages not used (by topic score):');
    for (const r of topic.rejected) {
      // Cut, not rounded: a score of 1.996 is below the threshold of 2, and should not print as 2.00.
      const score = (Math.floor(r.score * 100) / 100).toFixed(2);
      const scores = r.rank === undefined ? `score ${score}` : `score ${score}, strength ${r.rank.toFixed(2)}`;
      lines.push(`    - ${scores}: ${r.reason} [${r.articleId}${r.alsoIn > 0 ? ` and ${r.alsoIn} more` : ''}]: "${clip(r.text, 110)}"`);
    }
    if (topic.quotesLeftOut.length > 0) lines.push('  quotations not taken as quotes:');
    for (const q of topic.quotesLeftOut) lines.push(`    - ${q.reason} [${q.articleId}]: “${clip(q.text, 100)}”`);
    lines.push('');
  }
  if (analysis.notReports.length > 0) {
    const counts = new Map<string, number>();
    for (const { reason } of analysis.notReports) counts.set(reason, (counts.get(reason) ?? 0) + 1);
    lines.push(`## not read as reports (${[...counts].map(([reason, n]) => `${reason}: ${n}`).join('; ')})`);
    for (const item of analysis.notReports.slice(0, NOT_REPORTS_SHOWN)) lines.push(`    - ${item.reason} [${item.articleId}]: "${clip(item.text, 110)}"`);
    const more = analysis.notReports.length - NOT_REPORTS_SHOWN;
    if (more > 0) lines.push(`    … and ${more} more`);
    lines.push('');
  }
  return lines.join('\n');
}
