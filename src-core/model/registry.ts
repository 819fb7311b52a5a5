import type { z } from 'zod';
import type { EntityType } from '../sync/mutation';
import { clientSchema, type Client } from './client';
import { contractSchema, type Contract } from './contract';
import { invoiceSchema, type Invoice } from './invoice';
import { letterSchema, type Letter } from './letter';
import { paymentSchema, type Payment } from './payment';
import { priceListRecordSchema, type PriceListRecord } from './priceList';
import { usageDocumentSchema, type UsageDocument } from './usage';

/** The stored record type of each synced entity (names of src-core/sync ENTITY_TYPES). */
export interface EntityRecords {
  clients: Client;
  contracts: Contract;
  usage: UsageDocument;
  invoices: Invoice;
  payments: Payment;
  letters: Letter;
  priceLists: PriceListRecord;
}

/** The schema of each entity: the server validates pushed records with it, the data layer local ones. */
export const entitySchemas: { [E in EntityType]: z.ZodType<EntityRecords[E]> } = {
  clients: clientSchema,
  contracts: contractSchema,
  usage: usageDocumentSchema,
  invoices: invoiceSchema,
  payments: paymentSchema,
  letters: letterSchema,
  priceLists: priceListRecordSchema,
};

/** French singular names, for messages ("Client refusé(e) : …"). */
export const ENTITY_LABELS: { [E in EntityType]: string } = {
  clients: 'Client',
  contracts: 'Contrat',
  usage: 'Relevé de consommation',
  invoices: 'Facture',
  payments: 'Paiement',
  letters: 'Lettre',
  priceLists: 'Grille tarifaire',
};
