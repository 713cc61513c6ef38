import { useCallback, useEffect, useRef, useState } from 'react';
import type { DigestSummary, QueueCounts, TagSummary } from '../../shared/domain.ts';
import { api } from '../api/sift-client.ts';

const EMPTY_COUNTS: QueueCounts = { inbox: 0, 'to-read': 0, read: 0, skipped: 0, starred: 0, all: 0 };
/** Another process (the CLI, a second window) may change the library; look for that every second. */
const POLL_MS = 1000;

/**
 * Counts, digests and tags for the sidebar, plus `revision`: a number that changes whenever the library
 * changed, by this window or any other process. Views reload when it changes.
 */
export function useLibraryStatus() {
  const [counts, setCounts] = useState<QueueCounts>(EMPTY_COUNTS);
  const [digests, setDigests] = useState<DigestSummary[]>([]);
  const [tags, setTags] = useState<TagSummary[]>([]);
  const [revision, setRevision] = useState(0);
  const [loaded, setLoaded] = useState(false);
  const lastVersion = useRef<number | null>(null);

  const reload = useCallback(async () => {
    const [countResult, digestResult, tagResult] = await Promise.all([
      api.countQueues({}),
      api.listDigests({}),
      api.listTags({}),
    ]);
    if (countResult.data) setCounts(countResult.data);
    if (digestResult.data) setDigests(digestResult.data);
    if (tagResult.data) setTags(tagResult.data);
    setLoaded(true);
  }, []);

  /** Call after this window changed the library. */
  const changed = useCallback(() => {
    setRevision((value) => value + 1);
    void reload();
  }, [reload]);

  useEffect(() => {
    // The version is read before the lists, so a commit by another process (a `sift import` while the
    // window opens) lands after it and is seen at the next poll; taken from the first poll instead,
    // a commit made before that poll was the starting point and the window never showed it.
    void api.getLibraryInfo({}).then((info) => {
      if (info.data && lastVersion.current === null) lastVersion.current = info.data.externalChanges;
      void reload();
    });
    const timer = window.setInterval(async () => {
      const info = await api.getLibraryInfo({});
      if (!info.data) return;
      // externalChanges moves only when *another* connection commits what the reader sees; our own writes go through changed().
      if (lastVersion.current !== null && info.data.externalChanges !== lastVersion.current) changed();
      lastVersion.current = info.data.externalChanges;
    }, POLL_MS);
    return () => window.clearInterval(timer);
  }, [reload, changed]);

  return { counts, digests, tags, revision, loaded, changed };
}
