/**
 * "Did you mean ...?": the nearest known name by edit distance, for unresolved references and
 * unknown annotations. Bounded work, because a generated case may hold thousands of misspelt
 * references against tens of thousands of IDs.
 */

/** Levenshtein distance between `a` and `b`, or `limit + 1` as soon as it must exceed `limit`. */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      const value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    // Every later row is at least this row's minimum: no need to finish.
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** How far a name may be from a candidate and still be a plausible typo of it. */
export function closeEnough(name: string): number {
  return Math.max(1, Math.floor(name.length / 3));
}

/** A shared allowance of candidate comparisons, so suggestions can never dominate a check. */
export interface SuggestBudget {
  remaining: number;
}

/**
 * The candidate nearest to `name` (case-insensitively, so `g1` finds `G1`), if one is close
 * enough; ties go to the first candidate, which keeps suggestions deterministic.
 */
export function suggest(name: string, candidates: Iterable<string>, budget?: SuggestBudget): string | undefined {
  const wanted = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = closeEnough(name);
  for (const candidate of candidates) {
    if (budget) {
      if (budget.remaining <= 0) return undefined;
      budget.remaining--;
    }
    if (candidate === name) continue;
    const distance = editDistance(wanted, candidate.toLowerCase(), bestDistance);
    if (distance < bestDistance || (distance === bestDistance && best === undefined)) {
      best = candidate;
      bestDistance = distance;
      if (distance === 0) break;
    }
  }
  return best;
}
