// The staff console: built into the API's dist/console, which the API serves under /console/.
import { fileURLToPath, URL } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * GOV.UK Frontend's compiled CSS, less its brand assets: the GDS Transport typeface is licensed to GOV.UK services
 * only, and the crest is the Crown's. Text falls back to the stylesheet's own next choice (arial, sans-serif).
 */
function govukWithoutBrandAssets() {
  return {
    name: 'govuk-without-brand-assets',
    enforce: 'pre',
    transform(code, id) {
      if (!id.endsWith('govuk-frontend.min.css')) return undefined;
      return (
        code
          .replace(/@font-face\{[^}]*\}/g, '')
          .replace(/GDS Transport,/g, '')
          .replace(/url\(\/assets\/images\/[^)]*\)/g, 'none')
          // old Internet Explorer hacks (`\0` in a media query): rules no current browser applies
          .replace(/@media [^{]*\\0[^{]*\{/g, '@media not all{')
      );
    },
  };
}

export default defineConfig({
  root,
  base: '/console/',
  publicDir: false,
  build: {
    outDir: fileURLToPath(new URL('../../dist/console', import.meta.url)),
    emptyOutDir: true,
    // The polyfill would be inline script, which the console's Content Security Policy refuses.
    modulePreload: { polyfill: false },
    // Every asset is a file: a data: URL for a font or image would need a looser policy.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1000,
    rolldownOptions: {
      // React Router marks its modules "use client" for server rendering, which a single-page app has none of.
      onLog(level, log, handler) {
        if (log.code !== 'MODULE_LEVEL_DIRECTIVE') handler(level, log);
      },
    },
  },
  plugins: [govukWithoutBrandAssets()],
  logLevel: 'warn',
});
