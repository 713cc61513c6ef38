import type { HighlightRange } from '../../shared/contract/search-contract.ts';

/** Text with matched ranges wrapped in <mark>. Always rendered as text nodes, never as markup. */
export function Highlighted({ text, ranges }: { text: string; ranges?: HighlightRange[] | undefined }) {
  if (!ranges || ranges.length === 0) return <>{text}</>;
  const parts: React.ReactNode[] = [];
  let cursor = 0;
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  sorted.forEach(([start, end], index) => {
    if (start < cursor || end <= start) return;
    if (start > cursor) parts.push(text.slice(cursor, start));
    parts.push(<mark key={index}>{text.slice(start, end)}</mark>);
    cursor = end;
  });
  if (cursor < text.length) parts.push(text.slice(cursor));
  return <>{parts}</>;
}
