// Browser tests against a live API that serves the built SPA (the real one, or any stand-in):
//
//   FP_BASE_URL=http://127.0.0.1:18080 FP_PACKAGE=curl npm run test:browser
//
// Prints "browser: N passed, M failed" last; exits non-zero on any failure; stops itself at 110 s.
import { catalogPages } from './catalog-pages.mjs';
import { runSuites } from './harness.mjs';
import { packagePage } from './package-page.mjs';

await runSuites('(package page, catalog pages)', [packagePage, catalogPages]);
