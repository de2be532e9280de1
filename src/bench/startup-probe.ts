import { loadConfig } from '../config.js';
import { logger } from '../logger.js';
import { Newsdesk } from '../newsdesk.js';

/**
 * Run in a fresh process by the benchmark: open a data folder (model, database, vector index), answer
 * one question, and print the time to ready and the resident memory as JSON.
 */
logger.level = 'warn';
const [dataDir = '', guildId = 'bench', question = 'What happened?'] = process.argv.slice(2);
const started = performance.now();
const newsdesk = await Newsdesk.open({ ...loadConfig(), dataDir });
await newsdesk.ask(guildId, question);
const readyS = (performance.now() - started) / 1000;
console.log(JSON.stringify({ ready_s: readyS, rss_mb: process.memoryUsage().rss / 1024 / 1024 }));
newsdesk.close();
