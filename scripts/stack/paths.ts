import { join, resolve } from 'node:path';

/** The repository root, from both the TypeScript sources and the compiled dist/ tree. */
export const PROJECT_ROOT = resolve(__dirname, __dirname.includes(`${'/'}dist${'/'}`) ? '../../..' : '../..');
export const TOOLS_BIN = join(PROJECT_ROOT, '.tools', 'bin');
export const DATA_DIR = process.env.DATA_DIR ? resolve(process.env.DATA_DIR) : join(PROJECT_ROOT, '.data');
export const DIST = join(PROJECT_ROOT, 'dist');
