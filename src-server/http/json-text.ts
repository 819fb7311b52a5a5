/**
 * An answer already written as JSON text (the pull's pages: records spliced
 * in as the database prints them, sync/pull.ts), sent as it is instead of
 * being stringified from objects.
 */
export class JsonText {
  constructor(readonly text: string) {}
}
