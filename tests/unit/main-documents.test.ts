/** Saving and printing documents from the main process, with fake dialogs and print window. */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDocumentService, type DocumentDeps, type PrintWindow } from '../../src-main/documents';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'contrats-docs-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const pdf = (text: string) => new Uint8Array(Buffer.from(`%PDF-1.7 ${text}`));

function service(overrides: Partial<DocumentDeps> = {}) {
  const dialog = { showSaveDialog: vi.fn(), showOpenDialog: vi.fn() };
  const deps: DocumentDeps = {
    dialog,
    documentsFolder: () => folder,
    tempFolder: () => folder,
    createPrintWindow: () => {
      throw new Error('no print window in this test');
    },
    ...overrides,
  };
  return { documents: createDocumentService(deps), dialog };
}

describe('saveDocument', () => {
  it('writes where the user chose, offering the suggested name and a PDF filter', async () => {
    const { documents, dialog } = service();
    const target = join(folder, 'Facture F-2026-0001.pdf');
    dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target });
    await expect(documents.save({ suggestedName: 'Facture F-2026-0001.pdf', mimeType: 'application/pdf', bytes: pdf('a') })).resolves.toEqual({ saved: true, path: target });
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(
      expect.objectContaining({ defaultPath: target, filters: [{ name: 'Document PDF', extensions: ['pdf'] }, { name: 'Tous les fichiers', extensions: ['*'] }] }),
    );
    expect(await readFile(target, 'utf8')).toBe('%PDF-1.7 a');
  });

  it('writes nothing when the dialog is cancelled', async () => {
    const { documents, dialog } = service();
    dialog.showSaveDialog.mockResolvedValue({ canceled: true, filePath: '' });
    await expect(documents.save({ suggestedName: 'x.csv', mimeType: 'text/csv', bytes: pdf('a') })).resolves.toEqual({ saved: false });
    expect(await readdir(folder)).toEqual([]);
  });
});

describe('saveDocuments', () => {
  it('writes a batch into the chosen folder without replacing existing files', async () => {
    const { documents, dialog } = service();
    await writeFile(join(folder, 'Relance.pdf'), 'older letter');
    dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [folder] });
    const result = await documents.saveMany([
      { suggestedName: 'Relance.pdf', mimeType: 'application/pdf', bytes: pdf('1') },
      { suggestedName: 'Relance.pdf', mimeType: 'application/pdf', bytes: pdf('2') },
      { suggestedName: 'Facture.pdf', mimeType: 'application/pdf', bytes: pdf('3') },
    ]);
    expect(result.saved).toBe(true);
    expect(result.folder).toBe(folder);
    expect(result.paths.map((path) => basename(path))).toEqual(['Relance (2).pdf', 'Relance (3).pdf', 'Facture.pdf']);
    expect(await readFile(join(folder, 'Relance.pdf'), 'utf8')).toBe('older letter');
    expect(await readFile(join(folder, 'Relance (3).pdf'), 'utf8')).toBe('%PDF-1.7 2');
    expect(dialog.showOpenDialog).toHaveBeenCalledWith(expect.objectContaining({ properties: ['openDirectory', 'createDirectory'] }));
  });

  it('writes nothing when no folder is chosen', async () => {
    const { documents, dialog } = service();
    dialog.showOpenDialog.mockResolvedValue({ canceled: true, filePaths: [] });
    await expect(documents.saveMany([{ suggestedName: 'a.pdf', mimeType: 'application/pdf', bytes: pdf('a') }])).resolves.toEqual({ saved: false, paths: [] });
  });
});

describe('printDocument', () => {
  function fakePrintWindow(outcome: [boolean, string]) {
    const window = {
      loadedFile: '',
      loadedBytes: '',
      destroyed: false,
      async loadFile(file: string) {
        window.loadedFile = file;
        window.loadedBytes = await readFile(file, 'utf8');
      },
      destroy() {
        window.destroyed = true;
      },
      webContents: { print: vi.fn((_options: unknown, callback: (success: boolean, reason: string) => void) => callback(...outcome)) },
    };
    return window;
  }

  it('opens the PDF in a print window, prints, then removes the window and the temporary file', async () => {
    const window = fakePrintWindow([true, '']);
    const createPrintWindow = vi.fn(() => window as unknown as PrintWindow);
    const { documents } = service({ createPrintWindow });
    await expect(documents.print({ bytes: pdf('facture'), title: 'Facture F-1' })).resolves.toEqual({ printed: true });
    expect(createPrintWindow).toHaveBeenCalledWith('Facture F-1');
    expect(window.loadedBytes).toBe('%PDF-1.7 facture');
    expect(window.loadedFile.endsWith('.pdf')).toBe(true);
    expect(window.destroyed).toBe(true);
    expect(await readdir(folder)).toEqual([]);
  });

  it('reports a cancelled print and still cleans up', async () => {
    const window = fakePrintWindow([false, 'cancelled']);
    const { documents } = service({ createPrintWindow: () => window as unknown as PrintWindow });
    await expect(documents.print({ bytes: pdf('x'), title: 'Lettre' })).resolves.toEqual({ printed: false, reason: 'cancelled' });
    expect(window.destroyed).toBe(true);
    expect(await readdir(folder)).toEqual([]);
  });
});
