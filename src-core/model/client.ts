import { z } from 'zod';
import { countryCodeSchema, emailSchema, instantSchema, recordMetaShape, requiredText } from './common';
import { crossChecked } from './as-it-stands';
import { TEXT_LIMITS, text } from './text';
import { normalizeIdentifier, sirenOfFrenchVatNumber, sirenProblem, vatNumberProblem } from './identifiers';
import { frenchOf } from '../messages';

/** Client data (DOMAIN.md, Client data; CGV §2, §3, §4.6, §6.1). */

export const HOSTING_MODES = ['cloud', 'self_hosted'] as const;
export type HostingMode = (typeof HOSTING_MODES)[number];

const phoneSchema = text({ max: 32, required: frenchOf('validation.phone.required') })
  .regex(/^\+?[0-9][0-9 .()-]{5,24}$/, frenchOf('validation.phone.invalid'));

export const billingAddressSchema = z.strictObject({
  lines: z
    .array(requiredText(frenchOf('validation.address.emptyLine'), 100), { error: frenchOf('validation.address.required') })
    .min(1, frenchOf('validation.address.required'))
    .max(4, frenchOf('validation.address.tooManyLines')),
  postalCode: requiredText(frenchOf('validation.postalCode.required'), 16),
  city: requiredText(frenchOf('validation.city.required'), 100),
});
export type BillingAddress = z.infer<typeof billingAddressSchema>;

export const contactSchema = z.strictObject({
  name: requiredText(frenchOf('validation.contact.nameRequired'), 120),
  email: emailSchema,
  phone: phoneSchema,
});
export type Contact = z.infer<typeof contactSchema>;

/** The Dokos Partner of a client: main contact, receives copies of letters. */
export const partnerSchema = z.strictObject({
  name: requiredText(frenchOf('validation.partner.nameRequired'), 120),
  contactName: text({ max: 120 }).optional(),
  email: emailSchema,
  phone: phoneSchema.optional(),
});
export type Partner = z.infer<typeof partnerSchema>;

const sirenSchema = crossChecked(text({ max: TEXT_LIMITS.code }).overwrite(normalizeIdentifier), (siren, ctx) => {
  const problem = sirenProblem(siren);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

const clientFields = {
  legalName: requiredText(frenchOf('validation.legalName.required')),
  /** Required for a French client; a foreign company has none unless registered in France. */
  siren: sirenSchema.optional(),
  vatNumber: text({ max: TEXT_LIMITS.code }).overwrite(normalizeIdentifier).optional(),
  country: countryCodeSchema,
  billingAddress: billingAddressSchema,
  contact: contactSchema,
  partner: partnerSchema.optional(),
  hostingMode: z.enum(HOSTING_MODES, { error: frenchOf('validation.hostingMode.invalid') }),
  /** Set when the client is archived: hidden from the clients list unless asked for, its records kept (restorable). */
  archivedAt: instantSchema.optional(),
};

type ClientFields = z.infer<z.ZodObject<typeof clientFields>>;

/** Rules across fields: a French client has a SIREN, a French postal code, a VAT number matching both. */
function checkClient(client: ClientFields, ctx: z.RefinementCtx): void {
  if (client.country === 'FR') {
    if (!client.siren) ctx.addIssue({ code: 'custom', path: ['siren'], message: frenchOf('validation.siren.requiredFr') });
    if (!/^\d{5}$/.test(client.billingAddress.postalCode)) {
      ctx.addIssue({ code: 'custom', path: ['billingAddress', 'postalCode'], message: frenchOf('validation.postalCode.invalidFr') });
    }
  }
  if (client.vatNumber) {
    const problem = vatNumberProblem(client.country, client.vatNumber);
    if (problem) {
      ctx.addIssue({ code: 'custom', path: ['vatNumber'], message: problem });
    } else if (client.country === 'FR' && client.siren && sirenOfFrenchVatNumber(client.vatNumber) !== client.siren) {
      ctx.addIssue({ code: 'custom', path: ['vatNumber'], message: frenchOf('validation.vatNumber.notSiren') });
    }
  }
}

/** What a form or a CSV row provides; the data layer adds id, timestamps and version. */
export const clientInputSchema = crossChecked(z.strictObject(clientFields), checkClient);
export type ClientInput = z.input<typeof clientInputSchema>;

export const clientSchema = crossChecked(z.strictObject({ ...recordMetaShape, ...clientFields }), checkClient);
export type Client = z.infer<typeof clientSchema>;
