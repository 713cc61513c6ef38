import { useCallback, useEffect, useRef, useState } from 'react';
import type { PaperDetail as Paper, PaperStatus, PaperSummary } from '../../shared/domain.ts';
import { api, onMenuCommand, openLink, textToUpload } from '../api/sift-client.ts';
import { ImportProgressBar, ImportReportPanel } from '../importing/ImportReportPanel.tsx';
import { useImporter } from '../importing/use-importer.ts';
import { LearnDetailStrip } from '../learn/LearnDetailStrip.tsx';
import { ColdStartNote, OrderToggle } from '../learn/OrderToggle.tsx';
import { ScoreBadge } from '../learn/ScoreBadge.tsx';
import { SimilarPanel } from '../learn/SimilarPanel.tsx';
import { revealPaperRow } from '../learn/reveal-paper-row.ts';
import { useSearchForYou } from '../learn/use-search-for-you.ts';
import { canOrderForYou, useForYou } from '../learn/use-for-you.ts';
import { PaperDetail } from '../paper/PaperDetail.tsx';
import { PaperList } from '../papers/PaperList.tsx';
import { usePaperWindow } from '../papers/use-paper-window.ts';
import { SearchBox } from '../search/SearchBox.tsx';
import { queryTerms } from '../search/term-highlights.ts';
import { useSearch } from '../search/use-search.ts';
import { useKeyboardShortcuts } from '../shortcuts/use-keyboard-shortcuts.ts';
import { formatCount, countOf } from '../format/format-count.ts';
import { TagPicker } from '../paper/TagPicker.tsx';
import { describeStar, describeStatusChange } from '../triage/describe-action.ts';
import { DoneScreen } from '../triage/DoneScreen.tsx';
import { useDigestInHand } from '../triage/use-digest-in-hand.ts';
import { ActionToast } from './ActionToast.tsx';
import { copyBibtex, copyLink, paperLink } from './copy-paper.ts';
import { useLayoutPreferences } from './use-layout-preferences.ts';
import { StatsView } from '../stats/StatsView.tsx';
import { Sidebar } from '../sidebar/Sidebar.tsx';
import { AppDialogs } from './AppDialogs.tsx';
import type { Dialog } from './AppDialogs.tsx';
import { ContextMenu } from './ContextMenu.tsx';
import { contextMenuItems } from './context-menu-items.ts';
import { EmptyState } from './EmptyState.tsx';
import { TopBar } from './TopBar.tsx';
import { useFileDrop } from './use-file-drop.ts';
import { useLibraryStatus } from './use-library-status.ts';
import { usePaperActions } from './use-paper-actions.ts';
import { useSelection } from './use-selection.ts';
import { VIEW_LABELS } from './view.ts';
import type { View } from './view.ts';


export function App() {
  const status = useLibraryStatus();
  const [view, setView] = useState<View>({ queue: 'inbox' });
  const [query, setQuery] = useState('');
  const [searchAll, setSearchAll] = useState(true);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [menu, setMenu] = useState<{ x: number; y: number; index: number } | null>(null);
  const [tagging, setTagging] = useState<number[] | null>(null);
  const [showStats, setShowStats] = useState(false);
  const layout = useLayoutPreferences();
  const [detail, setDetail] = useState<Paper | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const searchInput = useRef<HTMLInputElement>(null);
  const detailPane = useRef<HTMLElement>(null);
  const cursorBeforeSearch = useRef(0);

  const forYou = useForYou(view, status.counts.all);
  const queueWindow = usePaperWindow(view, status.revision, forYou.order, forYou.rankEpoch);
  const searchOrder = useSearchForYou();
  const search = useSearch(query, searchAll ? undefined : view.queue, status.revision, searchOrder.source);
  const searching = query.trim() !== '';
  // "This search" in the export dialog means every match, not the page on screen: fetched when it opens.
  const [searchIdsForExport, setSearchIdsForExport] = useState<{ query: string; ids: number[] } | null>(null);
  useEffect(() => {
    if (dialog !== 'export' || !searching) return setSearchIdsForExport(null);
    let current = true;
    void search.allIds().then((ids) => current && setSearchIdsForExport({ query, ids }));
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the dialog opens
  }, [dialog]);
  const selection = useSelection();
  const actions = usePaperActions(status.changed);
  const importer = useImporter(status.changed);
  const drop = useFileDrop((files) => void importer.importFiles(files));

  const total = searching ? search.total : queueWindow.total;
  const rowAt = useCallback(
    (index: number): PaperSummary | undefined => (searching ? search.hitAt(index)?.paper : queueWindow.rowAt(index)),
    [searching, search, queueWindow],
  );
  const cursorPaper = rowAt(selection.cursor);
  const targetIds = useCallback((): number[] => {
    if (selection.selectedIds.size > 0) return [...selection.selectedIds];
    return cursorPaper ? [cursorPaper.id] : [];
  }, [selection.selectedIds, cursorPaper]);
  const inTriage = !searching && (view.queue === 'inbox' || view.digestId !== undefined);
  const digestInHand = useDigestInHand(status.digests, view.digestId ?? cursorPaper?.firstDigestId, inTriage);

  useEffect(() => {
    if (total > 0 && selection.cursor >= total) selection.setCursor(total - 1);
  }, [total, selection]);

  useEffect(() => {
    if (!cursorPaper) return setDetail(null);
    let current = true;
    void api.getPaper({ id: cursorPaper.id }).then((result) => current && setDetail(result.data ?? null));
    return () => {
      current = false;
    };
  }, [cursorPaper?.id, status.revision]); // eslint-disable-line react-hooks/exhaustive-deps -- reload on id or revision only

  useEffect(
    () =>
      onMenuCommand((command) => {
        if (command.kind === 'import-finished') {
          importer.showOutcome({ reports: command.reports, errors: command.errors });
          status.changed();
        }
        if (command.kind === 'show-export') setDialog('export');
        if (command.kind === 'show-settings') setDialog('settings');
        if (command.kind === 'show-shortcuts') setDialog('shortcuts');
        if (command.kind === 'focus-search') searchInput.current?.focus();
        if (command.kind === 'open-files') setDialog({ openFiles: { files: command.files, errors: command.errors } });
      }),
    [importer, status],
  );

  /** Esc from search puts the reader back on the row they were on. */
  const leaveSearch = () => {
    setQuery('');
    selection.setCursor(cursorBeforeSearch.current);
    selection.clear();
    searchInput.current?.blur();
  };

  const goTo = (next: View) => {
    setShowStats(false);
    setView(next);
    setQuery('');
    selection.setCursor(0);
    selection.clear();
  };

  const applyStatus = async (next: PaperStatus) => {
    const ids = targetIds();
    if (ids.length === 0) return;
    digestInHand.dismissFinished();
    const statusQueue = view.queue !== 'all' && view.queue !== 'starred';
    const leavesView = !searching && statusQueue && next !== view.queue;
    if (leavesView) queueWindow.hide(ids);
    // Like a mail client: after acting on one paper the cursor is on the next one to decide about.
    else if (ids.length === 1) selection.setCursor(Math.min(total - 1, selection.cursor + 1));
    selection.clear();
    const title = ids.length === 1 ? (ids[0] === detail?.id ? detail?.title : cursorPaper?.title) : undefined;
    await actions.setStatus(ids, next, describeStatusChange(next, ids.length, title));
  };
  const toggleStar = () => {
    const ids = targetIds();
    if (ids.length === 0) return;
    const starred = !(cursorPaper?.starred ?? false);
    const leaves = !searching && view.queue === 'starred' && !starred;
    if (leaves) {
      queueWindow.hide(ids);
      selection.clear();
    }
    void actions.setStarred(ids, starred, describeStar(starred, ids.length, ids.length === 1 ? cursorPaper?.title : undefined));
  };
  const reorder = (to: 'up' | 'down' | 'top' | 'bottom') => {
    if (view.queue !== 'to-read' || searching) return actions.setMessage('Reordering works in the To read queue.');
    const ids = targetIds();
    if (ids.length === 0) return;
    const delta = to === 'up' ? -1 : to === 'down' ? 1 : 0;
    // The cursor follows the moved paper at once, so the next key acts on the row the reader sees next.
    if (to === 'top') selection.setCursor(0);
    else if (delta) selection.setCursor(Math.max(0, Math.min(total - 1, selection.cursor + delta)));
    void actions.move(ids, to);
  };
  const idsBetween = (from: number, to: number) => {
    const ids: number[] = [];
    for (let index = from; index <= to; index += 1) {
      const paper = rowAt(index);
      if (paper) ids.push(paper.id);
    }
    return ids;
  };

  const openNextDigest = () => {
    const next = digestInHand.next;
    digestInHand.dismissFinished();
    if (next) goTo({ queue: 'inbox', digestId: next.id });
  };
  const startTagging = () => {
    const ids = targetIds();
    if (ids.length > 0) setTagging(ids);
  };
  const openCursorLink = () => {
    const link = detail ? paperLink(detail) : null;
    if (link) void openLink(link);
    else actions.setMessage('This paper has no link.');
  };
  const copySelectionBibtex = () => void copyBibtex(targetIds()).then((text) => actions.setMessage(text));
  const copyCursorLink = () => void copyLink(detail).then((text) => actions.setMessage(text));

  const dialogOpen = dialog !== null;
  const dismissNotice = useCallback(() => actions.setMessage(null), [actions.setMessage]); // eslint-disable-line react-hooks/exhaustive-deps -- setMessage is stable
  useKeyboardShortcuts(
    {
      move: (delta, extend) => {
        digestInHand.dismissFinished(); // the reader has moved on: the paper under the cursor again
        const next = Math.max(0, Math.min(total - 1, selection.cursor + delta));
        selection.moveTo(next, extend ? idsBetween : undefined);
      },
      setStatus: (next) => void applyStatus(next),
      toggleStar,
      openDetail: () => {
        if (digestInHand.finished) return openNextDigest();
        detailPane.current?.focus();
      },
      openLink: openCursorLink,
      undo: () => {
        queueWindow.unhideAll();
        void actions.undo();
      },
      reorder,
      focusSearch: () => searchInput.current?.focus(),
      escape: () => {
        if (menu) return setMenu(null);
        if (forYou.similarTo) return forYou.setSimilarTo(null);
        if (tagging) return setTagging(null);
        if (dialog) return setDialog(null);
        if (importer.outcome) return importer.dismiss();
        if (showStats) return setShowStats(false);
        if (searching && document.activeElement === searchInput.current) return leaveSearch();
        // Esc from any field (the note, a tag, the detail pane) puts the keyboard back on the list.
        const focused = document.activeElement;
        if (focused instanceof HTMLElement && focused !== document.body) return focused.blur();
        if (searching) return leaveSearch();
        if (digestInHand.finished) return digestInHand.dismissFinished();
        selection.clear();
      },
      goTo: (queue) => goTo({ queue }),
      showStats: () => setShowStats(true),
      // While searching, every match, not only the rows loaded so far.
      selectAll: () =>
        searching ? void search.allIds().then((ids) => selection.setSelectedIds(new Set(ids))) : selection.setSelectedIds(new Set(idsBetween(0, total - 1))),
      showShortcuts: () => setDialog('shortcuts'),
      paste: (text) => setDialog({ paste: text }),
      tag: startTagging,
      note: () => {
        const note = document.getElementById('paper-note');
        note?.focus();
      },
      copyBibtex: copySelectionBibtex,
      copyLink: copyCursorLink,
      toggleSidebar: layout.toggleSidebar,
      moreLikeThis: () => forYou.setSimilarTo(cursorPaper ?? null),
    },
    !dialogOpen && tagging === null,
  );

  const contextItems = (index: number) =>
    contextMenuItems({
      starred: rowAt(index)?.starred ?? false,
      canReorder: view.queue === 'to-read' && !searching,
      setStatus: (next) => void applyStatus(next),
      toggleStar,
      reorder,
      undo: () => {
        queueWindow.unhideAll();
        void actions.undo();
      },
      tag: startTagging,
      openLink: openCursorLink,
      copyBibtex: copySelectionBibtex,
      copyLink: copyCursorLink,
      moreLikeThis: () => forYou.setSimilarTo(rowAt(index) ?? null),
    });

  const viewTitle = view.digestId !== undefined
    ? `Digest ${status.digests.find((digest) => digest.id === view.digestId)?.digestDate ?? ''}`
    : view.tag !== undefined ? `#${view.tag}` : VIEW_LABELS[view.queue];
  const digest = view.digestId !== undefined ? status.digests.find((item) => item.id === view.digestId) : undefined;

  return (
    <div className={`app${drop.dragging ? ' app--dragging' : ''}${layout.sidebarHidden ? ' app--sidebar-hidden' : ''}${layout.compact ? ' app--compact' : ''}`} {...drop.handlers}>
      <Sidebar
        hidden={layout.sidebarHidden}
        onToggle={layout.toggleSidebar}
        view={view}
        counts={status.counts}
        digests={status.digests}
        tags={status.tags}
        onSelect={goTo}
        statsShown={showStats}
        onShowStats={() => setShowStats(true)}
        onRenameTag={(name) => setDialog({ renameTag: name })}
        onDeleteTag={(name) => {
          if (window.confirm(`Delete the tag "${name}" from every paper?`)) void actions.deleteTag(name);
        }}
      />
      <main className="main">
        <TopBar
          search={
            <SearchBox
              ref={searchInput}
              query={query}
              scopeLabel={view.queue === 'all' && !view.tag && !view.digestId ? null : VIEW_LABELS[view.queue]}
              searchAll={searchAll}
              onQuery={(next) => {
                if (!searching && next.trim()) cursorBeforeSearch.current = selection.cursor;
                setQuery(next);
                selection.setCursor(0);
                selection.clear();
              }}
              onToggleScope={() => setSearchAll((value) => !value)}
              onSubmit={() => {
                selection.setCursor(0);
                detailPane.current?.focus();
              }}
              onEscape={leaveSearch}
            />
          }
          onImport={() => fileInput.current?.click()}
          onExport={() => setDialog('export')}
          libraryEmpty={status.loaded && status.counts.all === 0}
          sidebarHidden={layout.sidebarHidden}
          onToggleSidebar={layout.toggleSidebar}
          compact={layout.compact}
          onToggleCompact={layout.toggleCompact}
          onSettings={() => setDialog('settings')}
          onShortcuts={() => setDialog('shortcuts')}
        />
        <input
          ref={fileInput}
          type="file"
          multiple
          hidden
          data-testid="import-input"
          onChange={(event) => {
            void importer.importFiles([...(event.target.files ?? [])]);
            event.target.value = '';
          }}
        />
        {importer.progress && <ImportProgressBar progress={importer.progress} onCancel={importer.cancel} />}
        {importer.outcome && (
          <ImportReportPanel
            outcome={importer.outcome}
            onDismiss={importer.dismiss}
            onChanged={status.changed}
            onShowNew={(digestId) => goTo({ queue: 'inbox', digestId })}
            onShowInbox={() => goTo({ queue: 'inbox' })}
          />
        )}
        {showStats ? (
          <StatsView revision={status.revision} onClose={() => setShowStats(false)} />
        ) : (
        <div className="panes">
          {/* data-results-for: the query whose results are on screen; data-kept-for: the last query answered
              with nothing yet, for which the results stayed (the UI bench times keystroke to paint by both). */}
          <section
            className="list-pane"
            aria-label={viewTitle}
            data-results-for={searching ? (search.result?.query ?? '') : undefined}
            data-kept-for={searching ? (search.keptFor ?? undefined) : undefined}
          >
            <div className="list-pane__header">
              <h1 className="list-pane__title">{searching ? 'Search' : viewTitle}</h1>
              <span className="list-pane__count" data-testid="list-count">
                {searching ? (search.result ? `${search.result.totalIsEstimate ? 'about ' : ''}${formatCount(search.total)} found` : 'Searching…') : countOf(queueWindow.total, 'paper')}
                {selection.selectedIds.size > 0 && ` · ${formatCount(selection.selectedIds.size)} selected`}
              </span>
              {inTriage && digestInHand.progress && (
                <span className="digest-progress" data-testid="digest-progress" title={digestInHand.progress.digest.sourceName}>
                  <span className="digest-progress__bar" aria-hidden="true">
                    <span style={{ width: `${Math.round((digestInHand.progress.triaged / Math.max(1, digestInHand.progress.digest.paperCount)) * 100)}%` }} />
                  </span>
                  {formatCount(digestInHand.progress.triaged)} of {formatCount(digestInHand.progress.digest.paperCount)} triaged
                </span>
                )}
              {!searching && canOrderForYou(view) && (
                <OrderToggle
                  order={forYou.order}
                  progress={queueWindow.progress}
                  onRerank={forYou.rerank}
                  onChange={(next) =>
                    void forYou.switchOrder(next, cursorPaper?.id).then((index) => {
                      if (index === null || !cursorPaper) return;
                      selection.setCursor(index);
                      revealPaperRow(cursorPaper.id, index);
                    })
                  }
                />
              )}
              {searching && (
                <OrderToggle
                  overSearch
                  order={searchOrder.order}
                  progress={searchOrder.progress}
                  onRerank={searchOrder.rerank}
                  onChange={(next) =>
                    void searchOrder.switchOrder(next, query, searchAll ? undefined : view.queue, cursorPaper?.id).then((index) => {
                      if (index === null || !cursorPaper) return;
                      selection.setCursor(index);
                      revealPaperRow(cursorPaper.id, index);
                    })
                  }
                />
              )}
              {digest && digest.untriaged > 0 && !searching && (
                <button type="button" className="text-button" onClick={() => void actions.skipRest(digest.id)} title="Skip every paper of this digest still in the inbox">
                  Skip the rest ({formatCount(digest.untriaged)})
                </button>
              )}
            </div>
            {!searching && forYou.order === 'for-you' && <ColdStartNote progress={queueWindow.progress} />}
            {searching && searchOrder.order === 'for-you' && <ColdStartNote progress={searchOrder.progress} />}
            {searching && search.result?.correctedQuery && (
              <p className="list-pane__note">Showing results for <b>{search.result.correctedQuery}</b></p>
            )}
            {searching && search.error && <p className="list-pane__note list-pane__note--error">{search.error}</p>}
            {total === 0 && (searching ? search.settled : !queueWindow.loading && status.loaded) ? (
              searching ? (
                <div className="empty-state"><h2>No paper matches “{query}”</h2><p>Try fewer words, or filters such as in:to-read, is:starred, tag:NAME, year:2024.</p></div>
              ) : (
                <EmptyState view={view} libraryEmpty={status.counts.all === 0} onImport={() => fileInput.current?.click()} onSettings={() => setDialog('settings')} />
              )
            ) : (
              <PaperList
                total={total}
                rowAt={rowAt}
                hitAt={searching ? search.hitAt : undefined}
                cursor={selection.cursor}
                selectedIds={selection.selectedIds}
                showStatus={searching || view.queue === 'all' || view.queue === 'starred' || view.tag !== undefined || view.digestId !== undefined}
                reorderable={view.queue === 'to-read' && !searching && !view.tag && !view.digestId}
                onRangeChange={searching ? search.requestRange : queueWindow.requestRange}
                badgeFor={
                  searching
                    ? searchOrder.order === 'for-you' ? (paper) => <ScoreBadge paperId={paper.id} score={searchOrder.scoreOf(paper.id)} /> : undefined
                    : forYou.order === 'for-you' ? (paper) => <ScoreBadge paperId={paper.id} score={queueWindow.scoreOf(paper.id)} /> : undefined
                }
                onRowMouseDown={(index, event) => {
                  if (event.button !== 0) return;
                  const paper = rowAt(index);
                  if (event.shiftKey) selection.moveTo(index, idsBetween);
                  else if ((event.metaKey || event.ctrlKey) && paper) selection.toggle(paper.id, index);
                  else selection.moveTo(index);
                }}
                onRowContextMenu={(index, event) => {
                  event.preventDefault();
                  const paper = rowAt(index);
                  if (paper && !selection.selectedIds.has(paper.id)) selection.moveTo(index);
                  setMenu({ x: event.clientX, y: event.clientY, index });
                }}
                onOpen={() => detailPane.current?.focus()}
                onDropBefore={(draggedId, beforeIndex) => {
                  const before = rowAt(beforeIndex);
                  void actions.move([draggedId], { beforeId: before && before.id !== draggedId ? before.id : null });
                }}
              />
            )}
          </section>
          <section className="detail-pane">
            {digestInHand.finished ? (
              <DoneScreen
                digest={digestInHand.finished}
                next={digestInHand.next}
                onClose={digestInHand.dismissFinished}
                onOpenNext={openNextDigest}
              />
            ) : detail ? (
              <div className="detail-with-similar">
                <div className="detail-main">
                  <LearnDetailStrip
                    paper={detail}
                    showWhy={searching ? searchOrder.order === 'for-you' && searchOrder.progress?.ready === true : forYou.order === 'for-you' && queueWindow.progress?.ready === true}
                    onMoreLikeThis={() => forYou.setSimilarTo(detail)}
                    onAddTag={(tag) => void actions.addTag([detail.id], tag)}
                  />
                  <PaperDetail
                    ref={detailPane}
                    paper={detail}
                    highlightTerms={searching ? queryTerms(search.result?.correctedQuery ?? query) : []}
                    knownTags={status.tags}
                    selectionSize={targetIds().includes(detail.id) ? targetIds().length : 1}
                    onStatus={(next) => void applyStatus(next)}
                    onToggleStar={toggleStar}
                    onAddTag={(tag) => void actions.addTag(targetIds().includes(detail.id) ? targetIds() : [detail.id], tag)}
                    onRemoveTag={(tag) => void actions.removeTag(targetIds().includes(detail.id) ? targetIds() : [detail.id], tag)}
                    onNoteSaved={status.changed}
                  />
                </div>
                {forYou.similarTo && (
                  <SimilarPanel
                    paper={forYou.similarTo}
                    onClose={() => forYou.setSimilarTo(null)}
                    onOpen={(id) => void api.getPaper({ id }).then((result) => result.data && setDetail(result.data))}
                  />
                )}
              </div>
            ) : (
              <div className="detail-pane__empty">{total > 0 ? 'Select a paper to read its abstract.' : ''}</div>
            )}
          </section>
        </div>
        )}
        {actions.notice && (
          <ActionToast
            notice={actions.notice}
            onDone={dismissNotice}
            onUndo={() => {
              queueWindow.unhideAll();
              void actions.undo();
            }}
          />
        )}
      </main>
      {tagging && (
        <TagPicker
          paperCount={tagging.length}
          currentTags={tagging.length === 1 && detail?.id === tagging[0] ? detail?.tags ?? [] : []}
          knownTags={status.tags}
          onClose={() => setTagging(null)}
          onPick={(tag) => {
            setTagging(null);
            void actions.addTag(tagging, tag, `Tagged ${tagging.length === 1 ? 'the paper' : countOf(tagging.length, 'paper')} #${tag}`);
          }}
        />
      )}
      {menu && <ContextMenu x={menu.x} y={menu.y} items={contextItems(menu.index)} onClose={() => setMenu(null)} />}
      <AppDialogs
        dialog={dialog}
        view={view}
        close={() => setDialog(null)}
        onLibraryChanged={status.changed}
        exportScopes={{
          selection: [...selection.selectedIds],
          search: searching ? searchIdsForExport : null,
        }}
        onImportText={(text) => void importer.importUploads([{ name: 'Pasted text', load: async () => textToUpload('Pasted text', text) }])}
        onImportFiles={(files) => void importer.importUploads(files.map((file) => ({ name: file.name, load: async () => file })))}
        onRenameTag={(from, to) =>
          void actions.renameTag(from, to).then(() => {
            if (view.tag === from) goTo({ queue: 'all', tag: to });
          })
        }
      />
    </div>
  );
}
