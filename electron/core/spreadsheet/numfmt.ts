/**
 * `numfmt`, imported from its ES module file rather than by package name. The installed numfmt 4.0.1 declares
 * `dist/index.cjs` for `require` in its package.json `exports` but ships `dist/index.js` and `dist/index.mjs`:
 * the Node bundles (build/scripts/build-node.mjs keeps packages external, so they `require('numfmt')`) would fail
 * at start. A relative path makes esbuild bundle it instead (pure JavaScript, MIT). Back to `from 'numfmt'` once
 * the package's `exports` match its files.
 */
export { format, isDateFormat, isTextFormat } from '../../../node_modules/numfmt/dist/index.mjs';
