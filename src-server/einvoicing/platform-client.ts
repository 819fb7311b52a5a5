import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { flowErrorSchema, fullFlowInfoSchema, searchFlowContentSchema, type Flow, type FlowInfo, type FullFlowInfo, type SearchFlowParams } from './flow-protocol';

/**
 * The approved platform as the central API sees it (AFNOR XP Z12-013 flow
 * service). One implementation speaks HTTP to a real platform or to the local
 * simulator; the queue only knows this interface.
 */
export interface PlatformAdapter {
  /** Submits one flow (an invoice's CII, a CDAR lifecycle status, an e-reporting file). */
  submit(info: FlowInfo, file: FlowFile): Promise<FullFlowInfo>;
  /** Flows matching the criteria (their tracking id, lifecycle flows updated after an instant…). */
  search(params: SearchFlowParams): Promise<Flow[]>;
  /** The original file of a flow (a lifecycle flow's CDAR). */
  download(flowId: string): Promise<string>;
}

export interface FlowFile {
  name: string;
  content: string;
  contentType: 'application/xml' | 'application/pdf' | 'application/json';
}

/**
 * A failure talking to the platform. `transient`: worth retrying later
 * (network, timeout, 429, 5xx); otherwise the platform refused the request
 * itself and sending it again would get the same answer.
 */
export class PlatformError extends Error {
  constructor(
    message: string,
    readonly transient: boolean,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'PlatformError';
  }
}

export interface PlatformConnection {
  /** Base URL of the flow service ("https://api.flow.example.fr/flow-service"). */
  baseUrl: string;
  /** Bearer token given by the platform. */
  token: string;
  /** Per request (default 10 s): a request that hangs is a transient failure, retried later. */
  timeoutMs?: number;
}

export const sha256Hex = (content: string) => createHash('sha256').update(content, 'utf8').digest('hex');

export function httpPlatform(connection: PlatformConnection): PlatformAdapter {
  const base = connection.baseUrl.endsWith('/') ? connection.baseUrl : `${connection.baseUrl}/`;
  /** The answer's text; a refusal or an unreachable platform throws a PlatformError saying whether to retry. */
  async function call(path: string, init: RequestInit): Promise<string> {
    let response: Response;
    try {
      response = await fetch(new URL(path, base), {
        ...init,
        headers: { ...(init.headers as Record<string, string> | undefined), authorization: `Bearer ${connection.token}`, 'x-request-id': crypto.randomUUID() },
        signal: AbortSignal.timeout(connection.timeoutMs ?? 10_000),
      });
    } catch (error) {
      throw new PlatformError(`Plateforme injoignable : ${error instanceof Error ? error.message : String(error)}`, true);
    }
    const text = await response.text().catch(() => '');
    if (!response.ok) {
      const parsed = flowErrorSchema.safeParse(safeJson(text));
      const detail = parsed.success ? `${parsed.data.errorCode}${parsed.data.errorMessage ? ` — ${parsed.data.errorMessage}` : ''}` : text.slice(0, 200);
      throw new PlatformError(`La plateforme a répondu ${response.status} : ${detail}`, response.status === 429 || response.status >= 500, response.status);
    }
    return text;
  }
  async function callJson<S extends z.ZodType>(path: string, init: RequestInit, schema: S): Promise<z.output<S>> {
    const checked = schema.safeParse(safeJson(await call(path, init)));
    if (!checked.success) throw new PlatformError(`Réponse de la plateforme inattendue (${path}).`, true);
    return checked.data;
  }
  return {
    submit(info, file) {
      const form = new FormData();
      form.append('flowInfo', new Blob([JSON.stringify({ ...info, sha256: sha256Hex(file.content) })], { type: 'application/json' }));
      form.append('file', new Blob([file.content], { type: file.contentType }), file.name);
      return callJson('v1/flows', { method: 'POST', body: form }, fullFlowInfoSchema);
    },
    async search(params) {
      const content = await callJson('v1/flows/search', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(params) }, searchFlowContentSchema);
      return content.results;
    },
    download: (flowId) => call(`v1/flows/${encodeURIComponent(flowId)}?docType=Original`, { method: 'GET' }),
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
