import { OpenFilesDialog } from '../importing/OpenFilesDialog.tsx';
import type { OpenedFiles } from '../importing/OpenFilesDialog.tsx';
import { PasteDialog } from '../importing/PasteDialog.tsx';
import { ExportDialog } from '../settings/ExportDialog.tsx';
import type { ExportScopes } from '../settings/ExportDialog.tsx';
import { SettingsDialog } from '../settings/SettingsDialog.tsx';
import { ShortcutOverlay } from '../shortcuts/ShortcutOverlay.tsx';
import { RenameDialog } from './RenameDialog.tsx';
import type { View } from './view.ts';

export type Dialog = 'shortcuts' | 'export' | 'settings' | { paste: string } | { renameTag: string } | { openFiles: OpenedFiles } | null;

export interface AppDialogsProps {
  dialog: Dialog;
  view: View;
  close: () => void;
  onLibraryChanged: () => void;
  onImportText: (text: string) => void;
  onImportFiles: (files: OpenedFiles['files']) => void;
  onRenameTag: (from: string, to: string) => void;
  exportScopes?: ExportScopes;
}

/** Whichever modal is open: at most one at a time, Esc closes it. */
export function AppDialogs({ dialog, view, close, onLibraryChanged, onImportText, onImportFiles, onRenameTag, exportScopes }: AppDialogsProps) {
  if (dialog === null) return null;
  if (dialog === 'shortcuts') return <ShortcutOverlay onClose={close} />;
  if (dialog === 'export') return <ExportDialog view={view} onClose={close} scopes={exportScopes} />;
  if (dialog === 'settings') return <SettingsDialog onClose={close} onRestored={onLibraryChanged} />;
  if ('openFiles' in dialog) {
    return (
      <OpenFilesDialog
        opened={dialog.openFiles}
        onCancel={close}
        onImport={() => {
          close();
          onImportFiles(dialog.openFiles.files);
        }}
      />
    );
  }
  if ('renameTag' in dialog) {
    return (
      <RenameDialog
        title={`Rename tag “${dialog.renameTag}”`}
        initial={dialog.renameTag}
        onCancel={close}
        onRename={(next) => {
          close();
          onRenameTag(dialog.renameTag, next);
        }}
      />
    );
  }
  return (
    <PasteDialog
      text={dialog.paste}
      onCancel={close}
      onImport={() => {
        close();
        onImportText(dialog.paste);
      }}
    />
  );
}
