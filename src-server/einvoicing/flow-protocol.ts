import { z } from 'zod';

/**
 * The subset of the AFNOR XP Z12-013 "Flow Service" (annex A, version 1.1.0)
 * the central API speaks with an approved platform, and the local simulator
 * answers: submit a flow (POST /v1/flows, multipart flowInfo + file), search
 * flows (POST /v1/flows/search), download one (GET /v1/flows/{flowId}).
 * Every answer from the platform is checked with these schemas.
 */
export const FLOW_SYNTAXES = ['CII', 'UBL', 'Factur-X', 'CDAR', 'FRR'] as const;
export const PROCESSING_RULES = ['B2B', 'B2BInt', 'B2C', 'OutOfScope', 'ArchiveOnly', 'NotApplicable'] as const;
export const FLOW_TYPES = [
  'CustomerInvoice',
  'SupplierInvoice',
  'StateInvoice',
  'CustomerInvoiceLC',
  'SupplierInvoiceLC',
  'StateCustomerInvoiceLC',
  'StateSupplierInvoiceLC',
  'AggregatedCustomerTransactionReport',
  'UnitaryCustomerTransactionReport',
  'AggregatedCustomerPaymentReport',
  'UnitaryCustomerPaymentReport',
  'UnitarySupplierTransactionReport',
  'MultiFlowReport',
] as const;

const notOnlyUuid = z.string().min(1).max(36);

export const flowInfoSchema = z.object({
  trackingId: notOnlyUuid.optional(),
  name: z.string().max(255).optional(),
  processingRule: z.enum(PROCESSING_RULES).optional(),
  flowSyntax: z.enum(FLOW_SYNTAXES),
  flowProfile: z.enum(['Basic', 'CIUS', 'Extended-CTC-FR']).optional(),
  sha256: z.string().regex(/^[a-f0-9]{64}$/).optional(),
});
export type FlowInfo = z.infer<typeof flowInfoSchema>;

export const fullFlowInfoSchema = flowInfoSchema.extend({ flowId: notOnlyUuid, submittedAt: z.string() });
export type FullFlowInfo = z.infer<typeof fullFlowInfoSchema>;

export const flowAckStatusSchema = z.enum(['Pending', 'Ok', 'Error']);

export const flowSchema = z.object({
  submittedAt: z.string(),
  updatedAt: z.string(),
  flowId: notOnlyUuid,
  trackingId: notOnlyUuid.optional(),
  flowType: z.enum(FLOW_TYPES).optional(),
  processingRule: z.enum(PROCESSING_RULES).optional(),
  flowDirection: z.enum(['In', 'Out']).optional(),
  flowSyntax: z.enum(FLOW_SYNTAXES).optional(),
  acknowledgement: z
    .object({
      status: flowAckStatusSchema,
      details: z.array(z.object({ level: z.enum(['Error', 'Warning']), item: z.string(), reasonCode: z.string(), reasonMessage: z.string() })).optional(),
    })
    .optional(),
});
export type Flow = z.infer<typeof flowSchema>;

export const searchFlowParamsSchema = z.object({
  limit: z.number().int().min(1).max(100).optional(),
  where: z.object({
    updatedAfter: z.string().optional(),
    trackingId: notOnlyUuid.optional(),
    flowType: z.array(z.enum(FLOW_TYPES)).optional(),
    flowDirection: z.array(z.enum(['In', 'Out'])).optional(),
    processingRule: z.array(z.enum(PROCESSING_RULES)).optional(),
  }),
});
export type SearchFlowParams = z.infer<typeof searchFlowParamsSchema>;

export const searchFlowContentSchema = z.object({ limit: z.number().optional(), results: z.array(flowSchema) });

/** The platform's error body (XP Z12-013 `Error`). */
export const flowErrorSchema = z.object({ errorCode: z.string(), errorMessage: z.string().nullable().optional() });
