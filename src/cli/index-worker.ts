/**
 * Worker-thread entry of `spbe index` for many files (see runPool in index-command.ts): receives
 * { i, file } messages, assesses the file and answers { i, status, text } with the output already
 * rendered (a JSON line or a readable summary). Runs only when started as a worker by runPool.
 */
import { isMainThread, parentPort, workerData } from 'worker_threads';
import type { CommonOptions } from './args';
import { assessFile, renderResult } from './index-command';

interface WorkerInput {
  readonly spbeIndexWorker: true;
  readonly options: CommonOptions;
}

export interface WorkerRequest {
  readonly i: number;
  readonly file: string;
}

const data = workerData as WorkerInput | undefined;
const port = parentPort;
if (!isMainThread && port && data && data.spbeIndexWorker) {
  const options = data.options;
  port.on('message', (msg: WorkerRequest) => {
    void assessFile(msg.file, options).then((result) => {
      port.postMessage({ i: msg.i, ...renderResult(result, options) });
    });
  });
}
