/** Closest-match lookup for PostgREST-style "Perhaps you meant ..." hints. */

/** 1 for equal strings, towards 0 as the edit distance grows. */
function similarity(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] ?? 0;
      row[j] = Math.min(above + 1, (row[j - 1] ?? 0) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return 1 - (row[b.length] ?? 0) / Math.max(a.length, b.length, 1);
}

export function closest(candidates: readonly string[], target: string, minScore: number): string | undefined {
  let best: { value: string; score: number } | undefined;
  for (const value of candidates) {
    const score = similarity(value.toLowerCase(), target.toLowerCase());
    if (score >= minScore && (!best || score > best.score)) best = { value, score };
  }
  return best?.value;
}
