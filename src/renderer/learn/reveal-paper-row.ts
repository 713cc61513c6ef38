/**
 * After the order switches, the list scrolls to the cursor's new index before the reordered rows
 * have loaded and been measured, so it can land a row or two short. Once the cursor row at the new
 * index shows the paper the reader was on, centre it, and keep centring for a few frames while the
 * rows above it are measured and shift it (gives up after about two seconds).
 */
export function revealPaperRow(paperId: number, index: number): void {
  let frames = 0;
  let settled = 0;
  const tick = () => {
    // The slot at the new index, not the paper's old row: before the reorder arrives that row is still on screen.
    const row = document.querySelector(`.paper-list__slot[data-index="${index}"] .paper-row--cursor[data-paper-id="${paperId}"]`);
    if (row) {
      row.scrollIntoView({ block: 'nearest' });
      settled += 1;
    }
    frames += 1;
    if (settled < 20 && frames < 150) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}
