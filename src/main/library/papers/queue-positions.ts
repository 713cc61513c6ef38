// Where papers go when the reader reorders the to-read queue: a pure plan, written by triage-papers.

export type MoveTarget = 'top' | 'bottom' | 'up' | 'down' | { beforeId: number | null };

export interface QueueRow {
  id: number;
  position: number;
}

export interface MovePlan {
  /** The moved papers, in their new relative order (for undo and the count). */
  moved: number[];
  /** New positions to write: only the moved rows, or the whole queue when the gap was used up. */
  updates: { id: number; position: number }[];
  renumbered: boolean;
}

/**
 * Positions are fractional, so a move usually writes only the moved rows: they get evenly spaced
 * values between their new neighbours. Dragging again and again into the same gap halves it each time
 * until two doubles can no longer be told apart (after about 50 drags); then the whole queue is
 * renumbered 1, 2, 3, … in its new order, which restores room everywhere.
 * Linear in the queue's length, whatever the number of papers moved.
 */
export function planMove(order: readonly QueueRow[], ids: readonly number[], to: MoveTarget): MovePlan {
  const selected = new Set(ids);
  const moving = order.filter((row) => selected.has(row.id));
  if (moving.length === 0) return { moved: [], updates: [], renumbered: false };
  const rest = order.filter((row) => !selected.has(row.id));
  const anchor = insertionIndex(order, rest, selected, to);
  const spread = spreadBetween(rest[anchor - 1]?.position, rest[anchor]?.position, moving.length);
  if (spread) {
    return { moved: moving.map((row) => row.id), updates: moving.map((row, index) => ({ id: row.id, position: spread[index]! })), renumbered: false };
  }
  const reordered = [...rest.slice(0, anchor), ...moving, ...rest.slice(anchor)];
  const updates = reordered.map((row, index) => ({ id: row.id, position: index + 1 })).filter((update, index) => reordered[index]!.position !== update.position);
  return { moved: moving.map((row) => row.id), updates, renumbered: true };
}

/** `count` strictly increasing values strictly between the neighbours, or null when they do not fit. */
function spreadBetween(before: number | undefined, after: number | undefined, count: number): number[] | null {
  const low = before ?? (after !== undefined ? after - count - 1 : 0);
  const high = after ?? low + count + 1;
  const step = (high - low) / (count + 1);
  const positions: number[] = [];
  let previous = low;
  for (let index = 1; index <= count; index += 1) {
    const position = index === count ? high - step : low + step * index;
    if (!(position > previous) || !(position < high)) return null;
    positions.push(position);
    previous = position;
  }
  return positions;
}

/** Where in `rest` (the queue without the moved papers) the moved block goes. */
function insertionIndex(order: readonly QueueRow[], rest: readonly QueueRow[], selected: ReadonlySet<number>, to: MoveTarget): number {
  if (to === 'top') return 0;
  if (to === 'bottom') return rest.length;
  if (typeof to === 'object') {
    if (to.beforeId === null) return rest.length;
    const index = rest.findIndex((row) => row.id === to.beforeId);
    return index < 0 ? rest.length : index;
  }
  const first = order.findIndex((row) => selected.has(row.id));
  let restBefore = 0;
  for (let index = 0; index < first; index += 1) if (!selected.has(order[index]!.id)) restBefore += 1;
  return to === 'up' ? Math.max(0, restBefore - 1) : Math.min(rest.length, restBefore + 1);
}
