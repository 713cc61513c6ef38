import { useCallback, useEffect, useState } from 'react';
import type { BackupInfo } from '../../shared/contract/safety-contract.ts';
import type { LibraryInfo } from '../../shared/contract/library-contract.ts';
import { api } from '../api/sift-client.ts';
import { SubscriptionsSection } from './SubscriptionsSection.tsx';

function describeReason(reason: string): string {
  if (reason === 'daily') return 'daily';
  if (reason === 'manual') return 'made by you';
  if (reason === 'before-restore') return 'before a restore';
  if (reason.startsWith('before-migration')) return 'before an upgrade';
  return reason;
}

/** Where the library lives, how many backups to keep, and the backups themselves, each restorable. */
export function SettingsDialog({ onClose, onRestored }: { onClose: () => void; onRestored: () => void }) {
  const [info, setInfo] = useState<LibraryInfo | null>(null);
  const [backups, setBackups] = useState<BackupInfo[]>([]);
  const [keep, setKeep] = useState(7);
  const [message, setMessage] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<BackupInfo | null>(null);

  const load = useCallback(async () => {
    const [infoResult, backupResult, settingsResult] = await Promise.all([api.getLibraryInfo({}), api.listBackups({}), api.getSettings({})]);
    if (infoResult.data) setInfo(infoResult.data);
    if (backupResult.data) setBackups(backupResult.data);
    if (settingsResult.data) setKeep(settingsResult.data.backupsToKeep);
  }, []);
  useEffect(() => void load(), [load]);

  const backUpNow = async () => {
    const result = await api.createBackup({});
    setMessage(result.error ? result.error.message : `Backed up to ${result.data.fileName}.`);
    void load();
  };
  const restore = async (backup: BackupInfo) => {
    setConfirming(null);
    const result = await api.restoreBackup({ fileName: backup.fileName });
    setMessage(result.error ? result.error.message : `Restored the library from ${backup.fileName}. The state before it was backed up first.`);
    onRestored();
    void load();
  };
  const saveKeep = async (value: number) => {
    setKeep(value);
    if (Number.isInteger(value) && value >= 1 && value <= 365) {
      const result = await api.setSettings({ backupsToKeep: value });
      if (result.error) setMessage(result.error.message);
    }
  };

  return (
    <div className="modal-backdrop" onMouseDown={onClose}>
      <div className="modal modal--wide" role="dialog" aria-modal="true" aria-label="Settings" onMouseDown={(event) => event.stopPropagation()}>
        <h2>Settings</h2>
        {info && (
          <p className="settings__path">
            Library: <code>{info.path}</code> · {info.paperCount.toLocaleString()} papers
          </p>
        )}
        <label className="form-row">
          Backups to keep
          <input type="number" min={1} max={365} value={keep} onChange={(event) => void saveKeep(Number(event.target.value))} />
        </label>
        <div className="settings__backups-header">
          <h3>Backups</h3>
          <button type="button" className="text-button" onClick={() => void backUpNow()}>Back up now</button>
        </div>
        {backups.length > 0 && (
          <p className="detail__muted">Each backup is checked by SQLite when it is taken; “✓ verified” means it passed. The newest verified one is never pruned.</p>
        )}
        {backups.length === 0 ? (
          <p className="detail__muted">No backups yet. Sift makes one each day it starts and before every upgrade.</p>
        ) : (
          <table className="backup-table">
            <tbody>
              {backups.map((backup) => (
                <tr key={backup.fileName}>
                  <td>{new Date(backup.createdAt).toLocaleString()}</td>
                  <td className="backup-table__reason">
                    {describeReason(backup.reason)}
                    {backup.fromOlderSift && (
                      <span className="backup-table__older" title="Made by an older Sift, which did not record which library it was a backup of">
                        {' '}· older Sift
                      </span>
                    )}
                  </td>
                  <td>{backup.paperCount === null ? '' : `${backup.paperCount.toLocaleString()} papers`}</td>
                  <td>{(backup.sizeBytes / 1024 / 1024).toFixed(1)} MB</td>
                  <td>
                    {backup.verified ? (
                      <span className="backup-table__verified" title="Passed SQLite's integrity check when it was taken">✓ verified</span>
                    ) : (
                      <span className="backup-table__unverified" title="Not verified: it may be damaged; prefer a verified backup">not verified</span>
                    )}
                  </td>
                  <td>
                    <button type="button" className="text-button" onClick={() => setConfirming(backup)}>Restore…</button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {confirming && (
          <div className="confirm" role="alertdialog" aria-label="Confirm restore">
            <p>
              Replace the library with the backup from <b>{new Date(confirming.createdAt).toLocaleString()}</b>? Changes made since then are kept in a
              new backup first, so this can be undone.
              {confirming.fromOlderSift && ' An older Sift made this backup without recording which library it was of: check its paper count first.'}
            </p>
            <button type="button" className="text-button" onClick={() => setConfirming(null)}>Cancel</button>
            <button type="button" className="danger-button" onClick={() => void restore(confirming)}>Restore this backup</button>
          </div>
        )}
        {message && <p className="detail__muted" role="status">{message}</p>}
        <SubscriptionsSection
          onFetched={() => {
            onRestored();
            void load();
          }}
        />
        <div className="modal__buttons">
          <button type="button" className="primary-button" onClick={onClose}>Done</button>
        </div>
      </div>
    </div>
  );
}
