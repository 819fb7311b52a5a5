import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import { ipcRequestSchemas, type IpcChannel, type IpcRequest, type IpcResponse } from './ipc-contract';

export interface SenderCheck {
  /** True when the URL is one of the app's own pages (see app-url.ts). */
  isTrustedSenderUrl(url: string): boolean;
}

export type IpcHandler<C extends IpcChannel> = (payload: IpcRequest<C>, event: IpcMainInvokeEvent) => Promise<IpcResponse<C>> | IpcResponse<C>;

/**
 * Refuses a call that does not come from a frame of the app itself, e.g. an
 * iframe or a page reached despite the navigation guard: the preload is only
 * safe if what calls it is the app's own code.
 */
export function assertTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>, channel: IpcChannel, check: SenderCheck): void {
  const url = event.senderFrame?.url;
  if (!url || !check.isTrustedSenderUrl(url)) {
    throw new Error(`Requête « ${channel} » refusée : elle ne provient pas de l'application Contrats.`);
  }
}

/** zod's own messages (type, size, unknown key) in French; the schemas' custom ones already are. */
const FRENCH_ERRORS = z.locales.fr().localeError;

/**
 * Parses the payload with the channel's schema; a bad one is refused with each
 * field at fault and why, in French, and nothing is done.
 */
export function parsePayload<C extends IpcChannel>(channel: C, payload: unknown): IpcRequest<C> {
  const result = ipcRequestSchemas[channel].safeParse(payload, { error: FRENCH_ERRORS });
  if (!result.success) {
    // The first few reasons are enough to correct the call; a 500-document batch could list hundreds.
    const reasons = result.error.issues.slice(0, 5).map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'contenu'} : ${issue.message}`);
    const fields = result.error.issues.length > 5 ? `${reasons.join(' ; ')} ; …` : reasons.join(' ; ');
    throw new Error(`Requête « ${channel} » refusée : données invalides (${fields}). Aucune action n'a été effectuée.`);
  }
  return result.data as IpcRequest<C>;
}

/** The only way a handler gets registered: sender frame checked first, then the payload, then the work. */
export function registerHandler<C extends IpcChannel>(ipcMain: Pick<IpcMain, 'handle'>, channel: C, handler: IpcHandler<C>, options: SenderCheck): void {
  ipcMain.handle(channel, async (event, payload: unknown) => {
    assertTrustedSender(event, channel, options);
    return handler(parsePayload(channel, payload), event);
  });
}
