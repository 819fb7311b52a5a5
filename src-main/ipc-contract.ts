/**
 * The whole IPC surface between the renderer and the main process, declared once:
 * channel names, the zod schema of each request, the type of each answer, and the
 * shape of `window.api` that the preload exposes.
 *
 * The renderer imports this file too (src-renderer/platform), so it may import
 * nothing but zod and pure src-core: no electron, no node.
 */
import { z } from 'zod';
import { controlCharacterIn, isWellFormedText } from '../src-core/model/text';

/** Generous for a PDF or CSV produced by the app, small enough to refuse abuse. */
export const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;
export const MAX_DOCUMENTS_PER_BATCH = 500;

/** Bidirectional overrides and isolates: "facture<U+202E>fdp.exe" would display as "factureexe.pdf". */
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;

/**
 * Text that crosses the IPC boundary: at most `max` characters, no control
 * character, no lone surrogate. `normalize` folds it to NFC (names and titles);
 * a secret keeps its exact form.
 */
function wellFormedText(max: number, options: { normalize: boolean } = { normalize: true }) {
  const checked = z
    .string()
    .max(max, `texte trop long (${max} caractères au plus)`)
    .refine(isWellFormedText, 'texte mal formé (caractère Unicode incomplet)')
    // Tab and newline included: no IPC string needs them.
    .refine((text) => controlCharacterIn(text, false) === undefined, 'caractère de contrôle interdit');
  return options.normalize ? checked.transform((text) => text.normalize('NFC')) : checked;
}

/**
 * A file name, never a path: the save dialog picks the folder. Separators,
 * control characters and names such as ".." would let the renderer aim elsewhere.
 */
const fileNameSchema = z
  .string()
  .trim()
  .min(1, 'nom de fichier vide')
  .pipe(wellFormedText(200))
  .refine((name) => !/[/\\:*?"<>|]/.test(name), 'caractère interdit dans un nom de fichier')
  .refine((name) => !BIDI_CONTROL.test(name), 'caractère de contrôle du sens d’écriture interdit dans un nom de fichier')
  .refine((name) => !/^\.+$/.test(name), 'nom de fichier réservé');

const documentBytesSchema = z
  .instanceof(Uint8Array)
  .refine((bytes) => bytes.byteLength > 0, 'document vide')
  .refine((bytes) => bytes.byteLength <= MAX_DOCUMENT_BYTES, 'document trop volumineux');

export const documentToSaveSchema = z.strictObject({
  suggestedName: fileNameSchema,
  mimeType: z.string().max(100, 'type MIME trop long (100 caractères au plus)').regex(/^[a-z]+\/[a-z0-9.+-]+$/i, 'type MIME invalide'),
  bytes: documentBytesSchema,
});

/** Keys name a secret ("sync-token"), they never carry one. */
const secretKeySchema = z.string().regex(/^[a-zA-Z0-9._:-]{1,100}$/, 'clé invalide');

const noPayload = z.undefined();

/** Channel → schema of the request payload (the single argument of `invoke`). */
export const ipcRequestSchemas = {
  'app:getInfo': noPayload,
  'document:save': documentToSaveSchema,
  'document:saveMany': z.strictObject({
    documents: z.array(documentToSaveSchema).min(1).max(MAX_DOCUMENTS_PER_BATCH),
  }),
  'document:print': z.strictObject({ bytes: documentBytesSchema, title: z.string().trim().min(1, 'titre vide').pipe(wellFormedText(200)) }),
  'external:open': z.strictObject({ url: wellFormedText(2000, { normalize: false }) }),
  'secureStore:get': z.strictObject({ key: secretKeySchema }),
  'secureStore:set': z.strictObject({ key: secretKeySchema, value: z.string().min(1, 'valeur vide').pipe(wellFormedText(10_000, { normalize: false })) }),
  'secureStore:delete': z.strictObject({ key: secretKeySchema }),
  'secureStore:status': noPayload,
} as const;

export type IpcChannel = keyof typeof ipcRequestSchemas;
export type IpcRequest<C extends IpcChannel> = z.output<(typeof ipcRequestSchemas)[C]>;

export type DocumentToSave = z.input<typeof documentToSaveSchema>;

export interface AppInfo {
  name: string;
  version: string;
  platform: string;
  arch: string;
  electronVersion: string;
  chromeVersion: string;
  nodeVersion: string;
}

export interface SaveDocumentResult {
  saved: boolean;
  path?: string;
}

export interface SaveDocumentsResult {
  saved: boolean;
  folder?: string;
  /** Where each document went, in the order given (a name already taken gets " (2)"). */
  paths: string[];
}

export interface PrintDocumentResult {
  printed: boolean;
  /** Chromium's reason when not printed, e.g. "cancelled". */
  reason?: string;
}

export interface OpenExternalResult {
  opened: boolean;
}

/** Why secrets are not kept: a code the interface says in its language (issue 19), and the French sentence. */
export type SecureStoreUnavailable = 'noKeyring' | 'noEncryption';
export type SecureStoreStatus = { available: true } | { available: false; code: SecureStoreUnavailable; reason: string };

/** Channel → type of the answer. */
export interface IpcResponses {
  'app:getInfo': AppInfo;
  'document:save': SaveDocumentResult;
  'document:saveMany': SaveDocumentsResult;
  'document:print': PrintDocumentResult;
  'external:open': OpenExternalResult;
  'secureStore:get': string | null;
  'secureStore:set': void;
  'secureStore:delete': void;
  'secureStore:status': SecureStoreStatus;
}

export type IpcResponse<C extends IpcChannel> = IpcResponses[C];

/** Main → renderer: the application menu asks the UI to do something. */
export const MENU_COMMAND_CHANNEL = 'menu:command';
export const MENU_COMMANDS = ['about'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}

/** What the preload exposes as `window.api`: named functions only, never ipcRenderer. */
export interface ContratsApi {
  getAppInfo(): Promise<AppInfo>;
  /** Asks where to save (save dialog), then writes the file. */
  saveDocument(document: DocumentToSave): Promise<SaveDocumentResult>;
  /** Asks for one folder, then writes every document into it. */
  saveDocuments(request: { documents: DocumentToSave[] }): Promise<SaveDocumentsResult>;
  /** Prints a PDF through the system print dialog. */
  printDocument(request: { bytes: Uint8Array; title: string }): Promise<PrintDocumentResult>;
  /** Opens an allow-listed https URL (dokos.io) in the system browser; others are refused. */
  openExternal(url: string): Promise<OpenExternalResult>;
  secureStore: {
    get(key: string): Promise<string | null>;
    /** Rejects (French message) when status() is not available. */
    set(key: string, value: string): Promise<void>;
    delete(key: string): Promise<void>;
    status(): Promise<SecureStoreStatus>;
  };
  /** Returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}
