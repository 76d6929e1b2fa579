import type { Analysis } from './analyze-topics.js';

function clip(text: string, length = 140): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

/** A readable account of why each development was chosen and what was left out (for --explain). */
export function formatExplanation(analysis: Analysis): string {
  const lines: string[] = [];
  for (const topic of analysis.topics) {
    lines.push(`## ${topic.topic.id}: ${topic.topic.title} (${topic.candidates} passages assigned)`);
    topic.developments.forEach((d, i) => {
      const p = d.parts;
      lines.push(
        `${String(i + 1).padStart(2)}. rank ${p.rank.toFixed(2)} = relevance ${p.relevance.toFixed(2)} × sources ${p.corroboration} × specificity ${p.specificity.toFixed(2)} × centrality ${p.centrality.toFixed(2)} × recency ${p.recency.toFixed(2)} × newsiness ${p.newsiness.toFixed(2)}${d.new ? '' : '  (not new)'}`,
      );
      lines.push(`    terms: ${d.terms.join(', ') || '-'}; entities: ${d.entities.join(', ') || '-'}`);
      lines.push(`    "${clip(d.headline ? `${d.headline}: ${d.text}` : d.text)}"`);
      for (const member of d.members.slice(1)) lines.push(`    + same event in ${member.articleId}: "${clip(member.text, 100)}"`);
    });
    for (const b of topic.background) lines.push(`  background (relevance ${b.parts.relevance.toFixed(2)}): "${clip(b.text)}"`);
    if (topic.rejected.length > 0) lines.push('  best passages not used:');
    for (const r of topic.rejected) lines.push(`    - ${r.score.toFixed(2)} ${r.reason} [${r.articleId}]: "${clip(r.text, 110)}"`);
    lines.push('');
  }
  return lines.join('\n');
}
