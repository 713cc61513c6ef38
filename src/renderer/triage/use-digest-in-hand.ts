import { useEffect, useRef, useState } from 'react';
import type { DigestSummary } from '../../shared/domain.ts';

export interface DigestProgress {
  digest: DigestSummary;
  triaged: number;
}

/**
 * The digest the reader is working through: the one shown, or the one the cursor's paper came from.
 * Remembered when the cursor moves to a paper of no digest, so the header does not flicker, and
 * `finished` names a digest whose last inbox paper was just triaged in this window (the done screen).
 */
export function useDigestInHand(digests: DigestSummary[], candidateId: number | null | undefined, active: boolean) {
  const [inHandId, setInHandId] = useState<number | null>(null);
  const [finishedId, setFinishedId] = useState<number | null>(null);
  const lastUntriaged = useRef(new Map<number, number>());
  // The last few digests held: the last paper's triage moves the cursor on to the next digest before the
  // library's new counts arrive, and the finished one must still be recognised then.
  const recentlyHeld = useRef<number[]>([]);

  useEffect(() => {
    if (candidateId === null || candidateId === undefined) return;
    setInHandId(candidateId);
    recentlyHeld.current = [candidateId, ...recentlyHeld.current.filter((id) => id !== candidateId)].slice(0, 4);
  }, [candidateId]);

  useEffect(() => {
    const previous = lastUntriaged.current;
    const next = new Map(digests.map((digest) => [digest.id, digest.untriaged]));
    if (active && previous.size > 0) {
      const done = recentlyHeld.current.find((id) => (previous.get(id) ?? 0) > 0 && next.get(id) === 0);
      if (done !== undefined) setFinishedId(done);
    }
    lastUntriaged.current = next;
  }, [digests, active]);

  const digest = digests.find((item) => item.id === inHandId);
  const progress: DigestProgress | null = digest ? { digest, triaged: Math.max(0, digest.paperCount - digest.untriaged) } : null;
  const finished = digests.find((item) => item.id === finishedId) ?? null;
  // The next digest to work on: the newest one that still has papers in the inbox.
  const next = digests.find((item) => item.untriaged > 0 && item.id !== finishedId) ?? null;
  return { progress, finished, next, dismissFinished: () => setFinishedId(null) };
}
