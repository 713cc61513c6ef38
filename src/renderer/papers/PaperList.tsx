import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { PaperSummary } from '../../shared/domain.ts';
import type { SearchHit } from '../../shared/contract/search-contract.ts';
import { PaperRow } from './PaperRow.tsx';

export interface PaperListProps {
  total: number;
  rowAt: (index: number) => PaperSummary | undefined;
  hitAt?: (index: number) => SearchHit | undefined;
  cursor: number;
  selectedIds: ReadonlySet<number>;
  showStatus: boolean;
  reorderable: boolean;
  onRangeChange: (start: number, end: number) => void;
  onRowMouseDown: (index: number, event: React.MouseEvent) => void;
  onRowContextMenu: (index: number, event: React.MouseEvent) => void;
  onOpen: (index: number) => void;
  onDropBefore: (draggedId: number, beforeIndex: number) => void;
  /** Something small to show on a row (For you's score badge). */
  badgeFor?: ((paper: PaperSummary) => React.ReactNode) | undefined;
}

/** Only the rows on screen exist in the DOM: smooth at 100,000 papers. */
export function PaperList(props: PaperListProps) {
  const { total, rowAt, hitAt, cursor, selectedIds, onRangeChange } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => 96,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;

  useEffect(() => {
    onRangeChange(first, last + 1);
  }, [first, last, onRangeChange]);

  useEffect(() => {
    if (cursor >= 0 && cursor < total) virtualizer.scrollToIndex(cursor, { align: 'auto' });
  }, [cursor, total, virtualizer]);

  return (
    <div className="paper-list" ref={scroller} role="listbox" aria-label="Papers" aria-multiselectable="true" tabIndex={-1}>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {items.map((item) => {
          const paper = rowAt(item.index);
          return (
            <div
              key={item.key}
              data-index={item.index}
              ref={virtualizer.measureElement}
              className="paper-list__slot"
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <PaperRow
                paper={paper}
                hit={hitAt?.(item.index)}
                isCursor={item.index === cursor}
                isSelected={paper !== undefined && selectedIds.has(paper.id)}
                showStatus={props.showStatus}
                badge={paper && props.badgeFor ? props.badgeFor(paper) : undefined}
                onPointerSelect={(event) => props.onRowMouseDown(item.index, event)}
                onContextMenu={(event) => props.onRowContextMenu(item.index, event)}
                onOpen={() => props.onOpen(item.index)}
                dragProps={props.reorderable && paper ? dragHandlers(paper.id, item.index, props.onDropBefore) : undefined}
                rank={props.reorderable ? item.index + 1 : undefined}
              />
            </div>
          );
        })}
      </div>
    </div>
  );
}

function dragHandlers(id: number, index: number, onDropBefore: (draggedId: number, beforeIndex: number) => void) {
  return {
    draggable: true,
    onDragStart: (event: React.DragEvent) => {
      event.dataTransfer.setData('application/x-sift-paper', String(id));
      event.dataTransfer.effectAllowed = 'move';
    },
    onDragOver: (event: React.DragEvent) => {
      if (event.dataTransfer.types.includes('application/x-sift-paper')) {
        event.preventDefault();
        event.currentTarget.classList.add('paper-row--drop-target');
      }
    },
    onDragLeave: (event: React.DragEvent) => event.currentTarget.classList.remove('paper-row--drop-target'),
    onDrop: (event: React.DragEvent) => {
      event.currentTarget.classList.remove('paper-row--drop-target');
      const dragged = Number(event.dataTransfer.getData('application/x-sift-paper'));
      if (dragged) {
        event.preventDefault();
        event.stopPropagation();
        onDropBefore(dragged, index);
      }
    },
  };
}
