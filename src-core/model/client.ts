import { z } from 'zod';
import { countryCodeSchema, emailSchema, instantSchema, recordMetaShape, requiredText } from './common';
import { TEXT_LIMITS, text } from './text';
import { normalizeIdentifier, sirenOfFrenchVatNumber, sirenProblem, vatNumberProblem } from './identifiers';

/** Client data (DOMAIN.md, Client data; CGV §2, §3, §4.6, §6.1). */

export const HOSTING_MODES = ['cloud', 'self_hosted'] as const;
export type HostingMode = (typeof HOSTING_MODES)[number];

const phoneSchema = text({ max: 32, required: 'Le téléphone est obligatoire.' })
  .regex(/^\+?[0-9][0-9 .()-]{5,24}$/, 'Téléphone invalide (exemple : 03 83 12 34 56 ou +49 30 1234567).');

export const billingAddressSchema = z.strictObject({
  lines: z
    .array(requiredText("Une ligne d'adresse ne peut pas être vide.", 100), { error: "L'adresse est obligatoire." })
    .min(1, "L'adresse est obligatoire.")
    .max(4, "L'adresse compte 4 lignes au plus."),
  postalCode: requiredText('Le code postal est obligatoire.', 16),
  city: requiredText('La ville est obligatoire.', 100),
});
export type BillingAddress = z.infer<typeof billingAddressSchema>;

export const contactSchema = z.strictObject({
  name: requiredText('Le nom du contact est obligatoire.', 120),
  email: emailSchema,
  phone: phoneSchema,
});
export type Contact = z.infer<typeof contactSchema>;

/** The Dokos Partner of a client: main contact, receives copies of letters. */
export const partnerSchema = z.strictObject({
  name: requiredText('Le nom du partenaire est obligatoire.', 120),
  contactName: text({ max: 120 }).optional(),
  email: emailSchema,
  phone: phoneSchema.optional(),
});
export type Partner = z.infer<typeof partnerSchema>;

const sirenSchema = text({ max: TEXT_LIMITS.code }).overwrite(normalizeIdentifier).superRefine((siren, ctx) => {
  const problem = sirenProblem(siren);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

const clientFields = {
  legalName: requiredText('La raison sociale est obligatoire.'),
  /** Required for a French client; a foreign company has none unless registered in France. */
  siren: sirenSchema.optional(),
  vatNumber: text({ max: TEXT_LIMITS.code }).overwrite(normalizeIdentifier).optional(),
  country: countryCodeSchema,
  billingAddress: billingAddressSchema,
  contact: contactSchema,
  partner: partnerSchema.optional(),
  hostingMode: z.enum(HOSTING_MODES, { error: "Mode d'hébergement invalide (cloud ou auto-hébergé)." }),
  /** Set when the client is archived: hidden from the clients list unless asked for, its records kept (restorable). */
  archivedAt: instantSchema.optional(),
};

type ClientFields = z.infer<z.ZodObject<typeof clientFields>>;

/** Rules across fields: a French client has a SIREN, a French postal code, a VAT number matching both. */
function checkClient(client: ClientFields, ctx: z.RefinementCtx): void {
  if (client.country === 'FR') {
    if (!client.siren) ctx.addIssue({ code: 'custom', path: ['siren'], message: 'Le SIREN est obligatoire pour un client français.' });
    if (!/^\d{5}$/.test(client.billingAddress.postalCode)) {
      ctx.addIssue({ code: 'custom', path: ['billingAddress', 'postalCode'], message: 'Code postal invalide : 5 chiffres attendus en France.' });
    }
  }
  if (client.vatNumber) {
    const problem = vatNumberProblem(client.country, client.vatNumber);
    if (problem) {
      ctx.addIssue({ code: 'custom', path: ['vatNumber'], message: problem });
    } else if (client.country === 'FR' && client.siren && sirenOfFrenchVatNumber(client.vatNumber) !== client.siren) {
      ctx.addIssue({ code: 'custom', path: ['vatNumber'], message: 'Numéro de TVA incohérent : il ne contient pas le SIREN du client.' });
    }
  }
}

/** What a form or a CSV row provides; the data layer adds id, timestamps and version. */
export const clientInputSchema = z.strictObject(clientFields).superRefine(checkClient);
export type ClientInput = z.input<typeof clientInputSchema>;

export const clientSchema = z.strictObject({ ...recordMetaShape, ...clientFields }).superRefine(checkClient);
export type Client = z.infer<typeof clientSchema>;
