import { answerPageRequest, type PageAnswer, type PageRequest } from './page-reader';

/**
 * The pull pages' reader (page-reader.ts), in a module worker: the JSON and
 * zod work of a first sync's 130,000 records stays off the thread that
 * writes them to IndexedDB and draws the screen. It touches no database.
 */
const scope = self as unknown as { postMessage(answer: PageAnswer): void; onmessage: ((event: MessageEvent<PageRequest>) => void) | null };

scope.onmessage = ({ data }) => answerPageRequest(data, (answer) => scope.postMessage(answer));
