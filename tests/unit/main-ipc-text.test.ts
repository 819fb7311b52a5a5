/**
 * Strings crossing the IPC boundary are well-formed text: no lone surrogate
 * (half an emoji), no control character, a length limit, names and titles in
 * NFC. Proved through registerHandler, the only way a handler is registered,
 * with a fake ipcMain that calls it as Electron would.
 */
import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { IpcChannel } from '../../src-main/ipc-contract';
import { registerHandler } from '../../src-main/ipc-register';

const fromApp = { senderFrame: { url: 'app://contrats/index.html' }, sender: {} } as unknown as IpcMainInvokeEvent;
const senderCheck = { isTrustedSenderUrl: (url: string) => url.startsWith('app://contrats/') };
const pdf = new Uint8Array([37, 80, 68, 70]);

/** Registers a recording handler on `channel` and returns a caller plus the recorder. */
function channel(name: IpcChannel) {
  const handlers = new Map<string, (event: unknown, payload?: unknown) => Promise<unknown>>();
  const handler = vi.fn((payload: unknown) => payload as never);
  registerHandler({ handle: (ch: string, h: (event: unknown, payload?: unknown) => Promise<unknown>) => handlers.set(ch, h) } as never, name, handler, senderCheck);
  return { invoke: (payload: unknown) => handlers.get(name)!(fromApp, payload), handler };
}

const HALF_EMOJI = '\ud83d'; // the high half of 😀 (U+1F600), alone
const LOW_HALF = '\ude00';

describe('IPC text payloads', () => {
  it('refuses a lone surrogate anywhere, in French, naming the field, before the handler runs', async () => {
    const print = channel('document:print');
    await expect(print.invoke({ bytes: pdf, title: `Facture ${HALF_EMOJI}` })).rejects.toThrow(
      "Requête « document:print » refusée : données invalides (title : texte mal formé (caractère Unicode incomplet)). Aucune action n'a été effectuée.",
    );
    await expect(print.invoke({ bytes: pdf, title: `${LOW_HALF}Facture` })).rejects.toThrow(/title : texte mal formé/);
    await expect(print.invoke({ bytes: pdf, title: `Facture ${LOW_HALF}${HALF_EMOJI}` })).rejects.toThrow(/title : texte mal formé/);

    const save = channel('document:save');
    await expect(save.invoke({ suggestedName: `Facture${HALF_EMOJI}.pdf`, mimeType: 'application/pdf', bytes: pdf })).rejects.toThrow(/suggestedName : texte mal formé/);
    const store = channel('secureStore:set');
    await expect(store.invoke({ key: 'sync-token', value: `abc${HALF_EMOJI}` })).rejects.toThrow(/value : texte mal formé/);
    const open = channel('external:open');
    await expect(open.invoke({ url: `https://dokos.io/${LOW_HALF}` })).rejects.toThrow(/url : texte mal formé/);

    for (const { handler } of [print, save, store, open]) expect(handler).not.toHaveBeenCalled();
  });

  it('accepts a whole emoji, and folds names and titles to NFC', async () => {
    const print = channel('document:print');
    await expect(print.invoke({ bytes: pdf, title: 'Facture 😀' })).resolves.toMatchObject({ title: 'Facture 😀' });
    // "é" typed as e + combining acute (macOS file names) reaches the handler composed.
    const decomposed = 'Re\u0301siliation';
    const save = channel('document:save');
    const saved = (await save.invoke({ suggestedName: `${decomposed}.pdf`, mimeType: 'application/pdf', bytes: pdf })) as { suggestedName: string };
    expect(saved.suggestedName).toBe('R\u00e9siliation.pdf');
    expect(saved.suggestedName).not.toBe(`${decomposed}.pdf`);
    expect(((await print.invoke({ bytes: pdf, title: decomposed })) as { title: string }).title).toBe('R\u00e9siliation');
  });

  it('keeps a secret exactly as given (no normalisation of a token)', async () => {
    const store = channel('secureStore:set');
    const token = 'Re\u0301-token';
    await expect(store.invoke({ key: 'sync-token', value: token })).resolves.toEqual({ key: 'sync-token', value: token });
  });

  it('refuses control characters: C0 (tab, newline, NUL, escape), DEL and C1', async () => {
    const print = channel('document:print');
    for (const control of ['\u0000', '\u0007', '\t', '\n', '\u001b', '\u007f', '\u0085', '\u009b']) {
      await expect(print.invoke({ bytes: pdf, title: `Facture${control}12` })).rejects.toThrow(/title : caractère de contrôle interdit/);
    }
    await expect(channel('secureStore:set').invoke({ key: 'sync-token', value: 'abc\r\nSet-Cookie: x' })).rejects.toThrow(/value : caractère de contrôle interdit/);
    await expect(channel('external:open').invoke({ url: 'https://dokos.io/\u0000' })).rejects.toThrow(/url : caractère de contrôle interdit/);
    expect(print.handler).not.toHaveBeenCalled();
  });

  it('refuses a right-to-left override in a file name, which would disguise its extension', async () => {
    const save = channel('document:save');
    await expect(save.invoke({ suggestedName: 'facture\u202efdp.exe', mimeType: 'application/pdf', bytes: pdf })).rejects.toThrow(
      /suggestedName : caractère de contrôle du sens d’écriture interdit/,
    );
    await expect(save.invoke({ suggestedName: 'facture\u2066.pdf', mimeType: 'application/pdf', bytes: pdf })).rejects.toThrow(/sens d’écriture/);
    expect(save.handler).not.toHaveBeenCalled();
  });

  it('bounds every string with a French reason', async () => {
    await expect(channel('document:print').invoke({ bytes: pdf, title: 'x'.repeat(201) })).rejects.toThrow(/title : texte trop long \(200 caractères au plus\)/);
    await expect(channel('document:save').invoke({ suggestedName: `${'a'.repeat(197)}.pdf`, mimeType: 'application/pdf', bytes: pdf })).rejects.toThrow(
      /suggestedName : texte trop long \(200 caractères au plus\)/,
    );
    await expect(channel('external:open').invoke({ url: `https://dokos.io/${'a'.repeat(2000)}` })).rejects.toThrow(/url : texte trop long \(2000 caractères au plus\)/);
    await expect(channel('secureStore:set').invoke({ key: 'sync-token', value: 'a'.repeat(10_001) })).rejects.toThrow(/value : texte trop long \(10000 caractères au plus\)/);
    await expect(channel('document:save').invoke({ suggestedName: 'a.pdf', mimeType: `application/${'x'.repeat(100)}`, bytes: pdf })).rejects.toThrow(
      /mimeType : type MIME trop long \(100 caractères au plus\)/,
    );
    await expect(channel('document:print').invoke({ bytes: pdf, title: '   ' })).rejects.toThrow(/title : titre vide/);
    await expect(channel('document:print').invoke({ bytes: pdf, title: 'x'.repeat(200) })).resolves.toMatchObject({ title: 'x'.repeat(200) });
  });

  it('lists at most five reasons, so a bad batch of 500 documents gives a readable message', async () => {
    const bad = { suggestedName: `a${HALF_EMOJI}.pdf`, mimeType: 'application/pdf', bytes: pdf };
    const message = await channel('document:saveMany')
      .invoke({ documents: Array.from({ length: 12 }, () => bad) })
      .then(
        () => 'accepté',
        (error: Error) => error.message,
      );
    expect(message.match(/texte mal formé/g)).toHaveLength(5);
    expect(message).toContain('documents.0.suggestedName : texte mal formé');
    expect(message).toMatch(/ ; …\)\. Aucune action n'a été effectuée\.$/);
  });
});
