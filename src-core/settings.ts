import { z } from 'zod';
import { frenchOf } from './messages';

/**
 * Settings that the rules read. The seller's legal identity is a settings
 * profile, never hard-coded in documents (DOMAIN.md, Billing): the values below
 * are the demo profile, to be completed by the company in Paramètres.
 */
export const sellerProfileSchema = z.object({
  legalName: z.string().trim().min(1, frenchOf('validation.legalName.required')),
  legalForm: z.string().trim().min(1, frenchOf('validation.seller.legalForm')),
  capital: z.string().trim().min(1, frenchOf('validation.seller.capital')),
  addressLines: z.array(z.string().trim().min(1)).min(1, frenchOf('validation.address.required')),
  postalCode: z.string().trim().min(1, frenchOf('validation.postalCode.required')),
  city: z.string().trim().min(1, frenchOf('validation.city.required')),
  country: z.string().length(2),
  siren: z.string().regex(/^\d{9}$/, frenchOf('validation.seller.siren')),
  rcs: z.string().trim().min(1, frenchOf('validation.seller.rcs')),
  vatNumber: z.string().trim().min(1, frenchOf('validation.seller.vatNumber')),
  email: z.string().email(frenchOf('validation.seller.email')),
  phone: z.string().trim(),
  iban: z.string().trim(),
  /** Place written before the date of letters: "Nancy, le 27 novembre 2026". */
  letterPlace: z.string().trim().min(1),
  signatoryName: z.string().trim(),
  signatoryTitle: z.string().trim(),
  /** PNG or JPEG data URL, optional. */
  logoDataUrl: z.string().startsWith('data:image/').optional(),
  /** Opted to pay VAT on debits (CGI art. 269): invoices then say so. Absent = off, VAT on receipts (services). */
  vatOnDebits: z.boolean().optional(),
});
export type SellerProfile = z.infer<typeof sellerProfileSchema>;

export const DEMO_SELLER_PROFILE: SellerProfile = {
  legalName: 'DOKOS SAS',
  legalForm: 'Société par actions simplifiée',
  capital: '10 000 €',
  addressLines: ['12 rue Saint-Dizier'],
  postalCode: '54000',
  city: 'Nancy',
  country: 'FR',
  siren: '732829320',
  rcs: 'RCS Nancy 732 829 320',
  vatNumber: 'FR44732829320',
  email: 'help@dokos.io',
  phone: '03 83 00 00 00',
  iban: 'FR76 3000 6000 0112 3456 7890 189',
  letterPlace: 'Nancy',
  signatoryName: 'Service clients',
  signatoryTitle: 'DOKOS SAS',
};

/** Window-envelope model: where the recipient block must sit, in mm from the page's top-left. */
export const envelopeModelSchema = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  windowLeftMm: z.number().min(0).max(210),
  windowTopMm: z.number().min(0).max(297),
  windowWidthMm: z.number().positive().max(210),
  windowHeightMm: z.number().positive().max(297),
});
export type EnvelopeModel = z.infer<typeof envelopeModelSchema>;

/** DL (110 × 220) and C5 (162 × 229) window envelopes, right-hand window (French standard, NF). */
export const DEFAULT_ENVELOPE_MODELS: EnvelopeModel[] = [
  { id: 'DL', label: 'DL 110 × 220 mm, fenêtre à droite', windowLeftMm: 110, windowTopMm: 50, windowWidthMm: 90, windowHeightMm: 45 },
  { id: 'C5', label: 'C5 162 × 229 mm, fenêtre à droite', windowLeftMm: 105, windowTopMm: 55, windowWidthMm: 95, windowHeightMm: 45 },
];

export const ruleSettingsSchema = z.object({
  /** Alsace-Moselle public holidays (Good Friday, 26 Dec): off by default, the court is Nancy (§8.1). */
  alsaceMoselle: z.boolean(),
  /** Until a receipt is known, R = sending date + N days (DOMAIN.md, price change). */
  presumedReceiptDays: z.number().int().min(0).max(30),
  /** Invoice due date = invoice date + N days unless the contract says otherwise (§5.3). */
  paymentTermDays: z.number().int().min(0).max(60),
  dunningReminderDays: z.number().int().min(1),
  dunningFormalNoticeDays: z.number().int().min(1),
  dunningTerminationDays: z.number().int().min(1),
  /** The 40 € fixed recovery indemnity as a second line of the surcharge document (switchable). */
  recoveryIndemnityOnSurcharge: z.boolean(),
  /** A formal notice to pay gives until its receipt + N days (DOMAIN.md: 8 by default); absent in settings saved before it existed. */
  formalNoticePaymentDays: z.number().int().min(1).max(60).optional(),
});
export type RuleSettings = z.infer<typeof ruleSettingsSchema>;

/** DOMAIN.md: a formal notice to pay gives until its receipt + 8 days unless the settings say otherwise. */
export const DEFAULT_FORMAL_NOTICE_PAYMENT_DAYS = 8;

export const DEFAULT_RULE_SETTINGS: RuleSettings = {
  alsaceMoselle: false,
  presumedReceiptDays: 3,
  paymentTermDays: 30,
  dunningReminderDays: 7,
  dunningFormalNoticeDays: 15,
  dunningTerminationDays: 30,
  recoveryIndemnityOnSurcharge: true,
  formalNoticePaymentDays: DEFAULT_FORMAL_NOTICE_PAYMENT_DAYS,
};
