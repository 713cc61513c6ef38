/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transposition, so "mixtrue" → "mixture" is 1),
 * giving up as soon as it must exceed `max`: most vocabulary terms are rejected after a row or two.
 * Returns max + 1 when the distance is larger than max.
 *
 * A typo correction compares the typed word with thousands of terms per keystroke (every term of a
 * similar length that starts with the same letter), so this avoids allocating: one distance of at most
 * one is a linear scan, and larger bounds fill a band of reused rows.
 */
export function boundedEditDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  if (max <= 1) return max === 1 && withinOneEdit(a, b) ? 1 : max + 1;
  return bandedDistance(a, b, max);
}

/** One insertion, deletion, substitution or adjacent transposition turns `a` into `b` (a ≠ b). */
function withinOneEdit(a: string, b: string): boolean {
  let start = 0;
  const shorter = Math.min(a.length, b.length);
  while (start < shorter && a.charCodeAt(start) === b.charCodeAt(start)) start += 1;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a.charCodeAt(endA - 1) === b.charCodeAt(endB - 1)) {
    endA -= 1;
    endB -= 1;
  }
  const restA = endA - start;
  const restB = endB - start;
  if (restA + restB <= 1) return true; // one insertion or deletion
  if (restA === 1 && restB === 1) return true; // one substitution
  return restA === 2 && restB === 2 && a.charCodeAt(start) === b.charCodeAt(start + 1) && a.charCodeAt(start + 1) === b.charCodeAt(start);
}

let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

function bandedDistance(a: string, b: string, max: number): number {
  const width = b.length + 1;
  if (rows[0]!.length < width) rows = [new Int32Array(width * 2), new Int32Array(width * 2), new Int32Array(width * 2)];
  let [previous2, previous, current] = rows as [Int32Array, Int32Array, Int32Array];
  const outside = max + 1;
  for (let j = 0; j < width; j += 1) previous[j] = j <= max ? j : outside;
  for (let i = 1; i <= a.length; i += 1) {
    // Cells further than `max` from the diagonal can only hold distances above max.
    const from = Math.max(1, i - max);
    const to = Math.min(width - 1, i + max);
    current[0] = i <= max ? i : outside;
    if (from > 1) current[from - 1] = outside;
    let rowMin = current[0];
    const ai = a.charCodeAt(i - 1);
    for (let j = from; j <= to; j += 1) {
      const bj = b.charCodeAt(j - 1);
      let value = previous[j - 1]! + (ai === bj ? 0 : 1);
      const up = previous[j]! + 1;
      if (up < value) value = up;
      const left = current[j - 1]! + 1;
      if (left < value) value = left;
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) {
        const swap = previous2[j - 2]! + 1;
        if (swap < value) value = swap;
      }
      current[j] = value > outside ? outside : value;
      if (value < rowMin) rowMin = value;
    }
    if (to + 1 < width) current[to + 1] = outside;
    if (rowMin > max) return outside;
    [previous2, previous, current] = [previous, current, previous2];
  }
  const distance = previous[b.length]!;
  return distance > max ? outside : distance;
}
