import { answerPageRequest, type PageAnswer, type PageRequest, type PageWorker } from '../../../src-renderer/sync/page-reader';

/**
 * Node has no Worker: this one runs the page worker's own code
 * (answerPageRequest, what page-reader.worker.ts runs) in later tasks, with
 * every message structured-cloned as postMessage does, so that the engine's
 * side of the protocol is exercised in the sync tests. Chromium's real
 * worker is exercised by the e2e sync spec.
 */
export interface LoopbackWorker extends PageWorker {
  /** Pages posted to the worker. */
  received: number;
  terminated: boolean;
}

export function loopbackWorker({ failToLoad = false } = {}): LoopbackWorker {
  const worker: LoopbackWorker = {
    onmessage: null,
    onerror: null,
    received: 0,
    terminated: false,
    postMessage(request: PageRequest) {
      worker.received++;
      const copy = structuredClone(request);
      setTimeout(() => {
        if (worker.terminated) return;
        if (failToLoad) return worker.onerror?.({ message: 'échec du chargement du worker', preventDefault: () => undefined } as ErrorEvent);
        answerPageRequest(copy, (answer: PageAnswer) => {
          const delivered = structuredClone(answer);
          setTimeout(() => !worker.terminated && worker.onmessage?.({ data: delivered } as MessageEvent<PageAnswer>));
        });
      });
    },
    terminate() {
      worker.terminated = true;
    },
  };
  return worker;
}
