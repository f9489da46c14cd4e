// An esbuild plugin: the heavy packages below are required on their first use, not when the bundle starts.
//
// Every bundle registers every feature (archive PDFs, plan .docx, exports …), so without it each process —
// the CLI running one command, the import's threads — loaded exceljs, pdf-lib, mammoth, docx and pinyin-pro
// at start: ~1 s of a `ledger members import` and ~100 MB of its peak RSS, before any work (issue 15 item 14,
// issue 17). Each import of such a package gets a stand-in whose first property access, call or `new`
// requires the real package; what a module then sees is the package itself (classes, instanceof, functions).
//
// What the stand-in must give esbuild's interop helpers (__toESM / __copyProps) without loading: its own keys
// are only those of a bare function (so nothing is copied), `__esModule` is answered from the package as it is
// at build time, and every other name is found through its prototype, which forwards to the real package.
import { createRequire } from 'node:module';
import path from 'node:path';

/** Packages not needed by most commands; zod and better-sqlite3 are needed by all and stay as they are. */
export const LAZY_PACKAGES = ['exceljs', 'pdf-lib', 'mammoth', 'docx', 'pinyin-pro', 'cfb', 'iconv-lite', 'papaparse', 'fflate', 'yauzl', 'numfmt'];

export function lazyPackages(root, names = LAZY_PACKAGES) {
  const req = createRequire(path.join(root, 'package.json'));
  const filter = new RegExp(`^(${names.map((n) => n.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')).join('|')})$`);
  return {
    name: 'lazy-packages',
    setup(build) {
      build.onResolve({ filter }, (args) => {
        // The stand-in's own require of the package is the real, external one.
        if (args.namespace === 'lazy-package') return { path: args.path, external: true };
        return { path: args.path, namespace: 'lazy-package' };
      });
      build.onLoad({ filter: /.*/, namespace: 'lazy-package' }, (args) => {
        let esModule = false;
        try {
          esModule = !!req(args.path).__esModule;
        } catch {
          // not installed here (an optional package): required as usual at first use
        }
        return {
          loader: 'js',
          resolveDir: root,
          contents: `
let real;
const load = () => (real ??= require(${JSON.stringify(args.path)}));
const forward = new Proxy({}, {
  get: (_t, k) => load()[k],
  has: (_t, k) => k in load(),
});
module.exports = new Proxy(function lazyPackage() {}, {
  get: (t, k) => (k === '__esModule' ? ${esModule} : load()[k]),
  has: (_t, k) => k in load(),
  apply: (_t, self, args) => Reflect.apply(load(), self, args),
  construct: (_t, args) => Reflect.construct(load(), args),
  getPrototypeOf: () => forward,
});
`,
        };
      });
    },
  };
}
