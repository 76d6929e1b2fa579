import type { ScoredPassage } from './assign-passages.js';
import { cosine, type Vector } from './vectors.js';

/** Passages this similar (TF-IDF cosine) report the same event. */
const SAME_EVENT_COSINE = 0.4;

/** Whether two passages' vectors are alike enough to report the same event. */
export function sameEvent(a: Vector, b: Vector): boolean {
  return cosine(a, b) >= SAME_EVENT_COSINE;
}

/** Passages of one topic that report the same thing, best first. */
export interface Cluster {
  members: { scored: ScoredPassage; vector: Vector }[];
}

/**
 * Groups a topic's passages into events: each passage joins the first cluster whose leading
 * passage it resembles (cosine >= SAME_EVENT_COSINE), else starts one. Passages arrive in
 * rank order, so a cluster's first member is its best.
 */
export function clusterPassages(ordered: readonly { scored: ScoredPassage; vector: Vector }[]): Cluster[] {
  const clusters: Cluster[] = [];
  for (const item of ordered) {
    const same = clusters.find((cluster) => sameEvent(cluster.members[0]!.vector, item.vector));
    if (same) same.members.push(item);
    else clusters.push({ members: [item] });
  }
  return clusters;
}
