import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { cdarXml, readCdar, readCiiXml, validateEInvoice, type PlatformStatus } from '../../src-core';
import { flowInfoSchema, searchFlowParamsSchema, type Flow, type FlowInfo } from './flow-protocol';
import { sha256Hex } from './platform-client';

/**
 * A local approved platform for development, tests and the demo: an HTTP
 * server on loopback speaking the same XP Z12-013 subset as a real one
 * (flow-protocol.ts). It accepts or rejects each invoice by rules —
 * rejected (213) when the EN 16931 rules fail, when a French buyer has no
 * SIREN or is not in the directory (`unknownBuyers`), when the number was
 * already received; refused (210) by a buyer listed in `refusingBuyers`;
 * disputed (207, en litige) by a buyer listed in `disputingBuyers` after
 * `approveAfterMs`; otherwise deposited (200) then approved (205) after
 * `approveAfterMs` — and publishes those lifecycle statuses as CDAR flows
 * over time. Faults can be injected to test retries.
 */
export interface SimulatorOptions {
  /** Bearer token expected on every call. */
  token: string;
  port?: number;
  /** Delay before "approuvée" (default 2 s); "déposée" comes at once. */
  approveAfterMs?: number;
  /** SIRENs of buyers who refuse what they receive (210), with the reason they give. */
  refusingBuyers?: ReadonlyMap<string, string>;
  /** SIRENs absent from the directory of recipients (annuaire): their invoices are rejected (213). */
  unknownBuyers?: ReadonlySet<string>;
  /** SIRENs of buyers who dispute what they receive (207, en litige) instead of approving it, with the reason they give. */
  disputingBuyers?: ReadonlyMap<string, string>;
}

/** The reason a disputing buyer gives on the command line's simulator (--simulator-disputing-sirens names SIRENs only). */
export const DEFAULT_DISPUTE_REASON = 'Montant contesté par l’acheteur : prestation non conforme à la commande.';

/** A flow the simulator received from the seller, in the order received. */
export interface ReceivedFlow {
  flowId: string;
  info: FlowInfo;
  content: string;
  receivedAt: string;
}

export interface SimulatorFaults {
  /** The next N submissions are answered 503 without being stored. */
  failSubmissions: number;
  /** The next N submissions are stored, then the connection is cut before any answer (the sender cannot know). */
  loseAnswers: number;
}

export interface PlatformSimulator {
  url: string;
  token: string;
  received(): readonly ReceivedFlow[];
  faults: SimulatorFaults;
  close(): Promise<void>;
}

interface StoredFlow {
  flow: Flow;
  content: string;
  /** Lifecycle flows become visible at their time ("over time"). */
  visibleAt: number;
}

export async function startPlatformSimulator(options: SimulatorOptions): Promise<PlatformSimulator> {
  const flows = new Map<string, StoredFlow>();
  const received: ReceivedFlow[] = [];
  const numbers = new Map<string, string>();
  const faults: SimulatorFaults = { failSubmissions: 0, loseAnswers: 0 };
  let sequence = 0;
  const nextId = (prefix: string) => `${prefix}-${String(++sequence).padStart(8, '0')}`;

  function publishStatus(number: string, issueDate: string, status: PlatformStatus, at: number, reason?: string, sellerSiren = '000000000') {
    const flowId = nextId('LC');
    const instant = new Date(at).toISOString();
    flows.set(flowId, {
      flow: { flowId, submittedAt: instant, updatedAt: instant, flowType: 'CustomerInvoiceLC', flowDirection: 'In', flowSyntax: 'CDAR', processingRule: 'B2B', acknowledgement: { status: 'Ok' } },
      content: cdarXml({ documentNumber: number, documentIssueDate: issueDate, status, at: instant, senderSiren: sellerSiren, ...(reason ? { reason } : {}) }),
      visibleAt: at,
    });
  }

  /** The platform's checks of a received invoice, and the lifecycle they start. */
  function judgeInvoice(flowId: string, xml: string, now: number) {
    const invoice = readCiiXml(xml);
    const problems = validateEInvoice(invoice);
    const frenchBuyerWithoutSiren = invoice.buyer.address.country === 'FR' && !invoice.buyer.siren;
    const earlier = numbers.get(invoice.number);
    const reject = (reason: string) => publishStatus(invoice.number, invoice.issueDate, 'rejected', now, reason, invoice.seller.siren);
    if (earlier && earlier !== flowId) return reject(`Facture ${invoice.number} déjà reçue (flux ${earlier}) : un numéro ne sert qu’une fois.`);
    numbers.set(invoice.number, flowId);
    if (frenchBuyerWithoutSiren) return reject('SIREN de l’acheteur absent : obligatoire pour une entreprise française (BT-47).');
    if (invoice.buyer.siren && options.unknownBuyers?.has(invoice.buyer.siren)) {
      return reject(`Destinataire inconnu de l’annuaire : aucune plateforme de réception pour le SIREN ${invoice.buyer.siren}.`);
    }
    if (problems.length > 0) return reject(problems.map((p) => `${p.rule} : ${p.message}`).join(' ; ').slice(0, 480));
    publishStatus(invoice.number, invoice.issueDate, 'deposited', now, undefined, invoice.seller.siren);
    const buyer = invoice.buyer.siren;
    const refusal = buyer ? options.refusingBuyers?.get(buyer) : undefined;
    const dispute = buyer ? options.disputingBuyers?.get(buyer) : undefined;
    const decidedAt = now + (options.approveAfterMs ?? 2000);
    if (refusal) publishStatus(invoice.number, invoice.issueDate, 'refused', now + 1, refusal, invoice.seller.siren);
    else if (dispute) publishStatus(invoice.number, invoice.issueDate, 'disputed', decidedAt, dispute, invoice.seller.siren);
    else publishStatus(invoice.number, invoice.issueDate, 'approved', decidedAt, undefined, invoice.seller.siren);
  }

  async function submit(request: http.IncomingMessage, body: Buffer, response: http.ServerResponse) {
    if (faults.failSubmissions > 0) {
      faults.failSubmissions -= 1;
      return json(response, 503, { errorCode: 'RESOURCE_ERROR', errorMessage: 'Service momentanément indisponible (simulé).' });
    }
    const form = await new Response(new Uint8Array(body), { headers: { 'content-type': String(request.headers['content-type']) } }).formData().catch(() => undefined);
    const infoPart = form?.get('flowInfo');
    const filePart = form?.get('file');
    const info = flowInfoSchema.safeParse(infoPart instanceof Blob ? safeJson(await infoPart.text()) : safeJson(String(infoPart)));
    if (!info.success || !(filePart instanceof Blob)) return json(response, 400, { errorCode: 'MISSING_REQUIRED_FIELD', errorMessage: 'flowInfo et file sont obligatoires.' });
    const content = await filePart.text();
    if (content.length === 0) return json(response, 400, { errorCode: 'EmptyFlow', errorMessage: 'Fichier vide.' });
    if (info.data.sha256 && info.data.sha256 !== sha256Hex(content)) return json(response, 400, { errorCode: 'ChecksumMismatch', errorMessage: 'Empreinte sha256 différente.' });
    const now = Date.now();
    const flowId = nextId('FL');
    const submittedAt = new Date(now).toISOString();
    const flowType = info.data.flowSyntax === 'CDAR' ? 'CustomerInvoiceLC' : info.data.flowSyntax === 'FRR' ? 'UnitaryCustomerTransactionReport' : 'CustomerInvoice';
    let ack: Flow['acknowledgement'] = { status: 'Ok' };
    try {
      if (flowType === 'CustomerInvoice') judgeInvoice(flowId, content, now);
      if (flowType === 'CustomerInvoiceLC') readCdar(content);
    } catch (error) {
      ack = { status: 'Error', details: [{ level: 'Error', item: 'file', reasonCode: 'InvalidSchema', reasonMessage: error instanceof Error ? error.message : 'Fichier illisible.' }] };
    }
    const { sha256: _sha, ...described } = info.data;
    flows.set(flowId, { flow: { ...described, flowId, submittedAt, updatedAt: submittedAt, flowType, flowDirection: 'Out', acknowledgement: ack }, content, visibleAt: now });
    received.push({ flowId, info: info.data, content, receivedAt: submittedAt });
    if (faults.loseAnswers > 0) {
      faults.loseAnswers -= 1;
      request.socket.destroy();
      return;
    }
    json(response, 202, { ...info.data, flowId, submittedAt });
  }

  function search(body: Buffer, response: http.ServerResponse) {
    const params = searchFlowParamsSchema.safeParse(safeJson(body.toString('utf8')));
    if (!params.success) return json(response, 400, { errorCode: 'INVALID_CRITERIA', errorMessage: 'Critères de recherche invalides.' });
    const { where, limit = 25 } = params.data;
    const now = Date.now();
    const after = where.updatedAfter ? Date.parse(where.updatedAfter) : -Infinity;
    const results = [...flows.values()]
      .filter(({ flow, visibleAt }) =>
        visibleAt <= now &&
        Date.parse(flow.updatedAt) > after &&
        (!where.trackingId || flow.trackingId === where.trackingId) &&
        (!where.flowType || (flow.flowType !== undefined && where.flowType.includes(flow.flowType))) &&
        (!where.flowDirection || (flow.flowDirection !== undefined && where.flowDirection.includes(flow.flowDirection))),
      )
      .sort((a, b) => a.visibleAt - b.visibleAt)
      .slice(0, limit)
      .map(({ flow }) => flow);
    json(response, 200, { limit, filters: where, results });
  }

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://simulator');
      if (url.pathname === '/v1/healthcheck') return void response.writeHead(200).end();
      if (request.headers.authorization !== `Bearer ${options.token}`) return json(response, 401, { errorCode: 'MISSING_TOKEN', errorMessage: null });
      const body = Buffer.concat(chunks);
      if (request.method === 'POST' && url.pathname === '/v1/flows') return void submit(request, body, response).catch(() => json(response, 500, { errorCode: 'INTERNAL_ERROR' }));
      if (request.method === 'POST' && url.pathname === '/v1/flows/search') return search(body, response);
      const get = /^\/v1\/flows\/([^/]+)$/.exec(url.pathname);
      const stored = get && request.method === 'GET' ? flows.get(decodeURIComponent(get[1]!)) : undefined;
      if (!stored || stored.visibleAt > Date.now()) return json(response, 404, { errorCode: 'MISSING_RESOURCE', errorMessage: 'Flux inconnu.' });
      if ((url.searchParams.get('docType') ?? 'Metadata') === 'Metadata') return json(response, 200, stored.flow);
      response.writeHead(200, { 'content-type': 'application/xml; charset=utf-8' }).end(stored.content);
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    token: options.token,
    received: () => received,
    faults,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function json(response: http.ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
