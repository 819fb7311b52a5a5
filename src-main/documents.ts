import { randomUUID } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { BaseWindow, BrowserWindow, Dialog, FileFilter } from 'electron';
import type { DocumentToSave, PrintDocumentResult, SaveDocumentResult, SaveDocumentsResult } from './ipc-contract';

const FILTERS_BY_MIME: Record<string, FileFilter> = {
  'application/pdf': { name: 'Document PDF', extensions: ['pdf'] },
  'text/csv': { name: 'Fichier CSV', extensions: ['csv'] },
  'application/json': { name: 'Fichier JSON', extensions: ['json'] },
};
const ALL_FILES: FileFilter = { name: 'Tous les fichiers', extensions: ['*'] };

function filtersFor(mimeType: string): FileFilter[] {
  const known = FILTERS_BY_MIME[mimeType.toLowerCase()];
  return known ? [known, ALL_FILES] : [ALL_FILES];
}

/** "Facture 12.pdf", then "Facture 12 (2).pdf"… */
function numbered(name: string, n: number): string {
  if (n === 1) return name;
  const extension = extname(name);
  return `${name.slice(0, name.length - extension.length)} (${n})${extension}`;
}

/** Writes into `folder` without ever replacing an existing file: a taken name gets a number. */
async function writeNew(folder: string, name: string, bytes: Uint8Array): Promise<string> {
  for (let n = 1; n < 1000; n += 1) {
    const path = join(folder, numbered(name, n));
    try {
      await writeFile(path, bytes, { flag: 'wx' });
      return path;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  throw new Error(`Impossible de trouver un nom libre pour « ${name} » dans ${folder}.`);
}

/** The part of a BrowserWindow that printing uses; the window lives only for one print job. */
export type PrintWindow = Pick<BrowserWindow, 'loadFile' | 'destroy'> & { webContents: Pick<BrowserWindow['webContents'], 'print'> };

export interface DocumentDeps {
  dialog: Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>;
  /** Where the save dialog opens (the user's Documents folder). */
  documentsFolder(): string;
  /** Where a PDF waits while it is printed. */
  tempFolder(): string;
  createPrintWindow(title: string): PrintWindow;
}

export function createDocumentService(deps: DocumentDeps) {
  return {
    async save(document: DocumentToSave, parent?: BaseWindow): Promise<SaveDocumentResult> {
      const options = {
        title: 'Enregistrer le document',
        defaultPath: join(deps.documentsFolder(), document.suggestedName),
        filters: filtersFor(document.mimeType),
      };
      const choice = parent ? await deps.dialog.showSaveDialog(parent, options) : await deps.dialog.showSaveDialog(options);
      if (choice.canceled || !choice.filePath) return { saved: false };
      // The user chose this path in the dialog, replacing a file knowingly.
      await writeFile(choice.filePath, document.bytes);
      return { saved: true, path: choice.filePath };
    },

    async saveMany(documents: DocumentToSave[], parent?: BaseWindow): Promise<SaveDocumentsResult> {
      const options = {
        title: `Choisir le dossier où enregistrer ${documents.length} document${documents.length > 1 ? 's' : ''}`,
        buttonLabel: 'Enregistrer ici',
        defaultPath: deps.documentsFolder(),
        properties: ['openDirectory', 'createDirectory'] as Array<'openDirectory' | 'createDirectory'>,
      };
      const choice = parent ? await deps.dialog.showOpenDialog(parent, options) : await deps.dialog.showOpenDialog(options);
      const folder = choice.filePaths[0];
      if (choice.canceled || !folder) return { saved: false, paths: [] };
      const paths: string[] = [];
      for (const document of documents) paths.push(await writeNew(folder, document.suggestedName, document.bytes));
      return { saved: true, folder, paths };
    },

    /**
     * Prints a PDF with the system print dialog: the bytes go to a temporary file
     * that an invisible window opens in Chromium's PDF viewer, then print() on it.
     */
    async print(request: { bytes: Uint8Array; title: string }): Promise<PrintDocumentResult> {
      const file = join(deps.tempFolder(), `contrats-impression-${randomUUID()}.pdf`);
      await writeFile(file, request.bytes);
      const window = deps.createPrintWindow(request.title);
      try {
        await window.loadFile(file);
        return await new Promise<PrintDocumentResult>((resolve) => {
          window.webContents.print({ silent: false, printBackground: true }, (success, failureReason) =>
            resolve(success ? { printed: true } : { printed: false, reason: failureReason }),
          );
        });
      } finally {
        window.destroy();
        await rm(file, { force: true });
      }
    },
  };
}

export type DocumentService = ReturnType<typeof createDocumentService>;
