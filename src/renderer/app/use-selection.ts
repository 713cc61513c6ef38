import { useCallback, useState } from 'react';

/**
 * The cursor (one row) and the selection (a set of paper ids). Actions apply to the selection, or to the
 * cursor's paper when nothing is selected. Shift extends from the anchor, as in a mail client.
 */
export function useSelection() {
  const [cursor, setCursor] = useState(0);
  const [anchor, setAnchor] = useState<number | null>(null);
  const [selectedIds, setSelectedIds] = useState<ReadonlySet<number>>(new Set());

  const clear = useCallback(() => {
    setSelectedIds(new Set());
    setAnchor(null);
  }, []);

  /** Moves the cursor; with `extendWith`, selects every row between the anchor and the new cursor. */
  const moveTo = useCallback(
    (index: number, extendWith?: (from: number, to: number) => number[]) => {
      setCursor(index);
      if (!extendWith) {
        setSelectedIds(new Set());
        setAnchor(null);
        return;
      }
      const from = anchor ?? cursor;
      setAnchor(from);
      setSelectedIds(new Set(extendWith(Math.min(from, index), Math.max(from, index))));
    },
    [anchor, cursor],
  );

  const toggle = useCallback((id: number, index: number) => {
    setCursor(index);
    setAnchor(index);
    setSelectedIds((previous) => {
      const next = new Set(previous);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);

  return { cursor, setCursor, selectedIds, setSelectedIds, moveTo, toggle, clear };
}
