import { parseConfig } from '../src/config.js';
import { configureLogger } from '../src/logger.js';

configureLogger(parseConfig(process.env).log);
