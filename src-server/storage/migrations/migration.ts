/** A schema step. Versions only grow; an applied migration is never edited, a new one is added. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}
