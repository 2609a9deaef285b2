/**
 * Child process of the big-PDF benchmark: imports one file through core and prints pages, time
 * and the process's peak RSS (worker threads included) as JSON.
 */
import { statSync } from 'node:fs';
import { createCore } from '../electron/core/index';

const [file, library] = process.argv.slice(2) as [string, string];
const baselineMB = process.memoryUsage().rss / 2 ** 20;
const core = await createCore({ libraryDir: library, workers: 1 });
const start = performance.now();
const report = await core.api.addPaths({ paths: [file] });
const ms = performance.now() - start;
const doc = await core.api.listDocuments({});
await core.close();
if (report.failed.length) throw new Error(report.failed[0]!.error);
console.log(JSON.stringify({ pages: doc[0]!.pages, ms, maxRssMB: process.resourceUsage().maxRSS / 1024, baselineMB, sizeMB: statSync(file).size / 2 ** 20 }));
