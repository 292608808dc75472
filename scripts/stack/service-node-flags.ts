/**
 * V8 heap flags the API and the worker run with, wherever they start: the local stack, `npm run start:*`, the image
 * and docker-compose.yml (a test keeps those in step). Measured in docs/benchmarks.md ("Memory"): with V8's defaults
 * on a large machine (a 4 GiB heap limit) each isolate's young generation grows to 32 MiB and the old generation
 * grows 4× between collections, so the peak was mostly garbage not yet collected. A 512 MiB limit (3× the busiest
 * process's live heap) makes the old generation grow ~1.4× instead; 4 MiB semi-spaces cap the young generation at
 * 8 MiB. The worker's workflow thread inherits both.
 */
export const SERVICE_NODE_FLAGS: readonly string[] = ['--max-old-space-size=512', '--max-semi-space-size=4'];
