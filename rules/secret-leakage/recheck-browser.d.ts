// recheck's self-contained build (no worker or child-process backends, so it bundles cleanly and
// runs in-process); same API as the package root.
declare module 'recheck/lib/browser.js' {
  import type { checkSync } from 'recheck';
  const recheck: { checkSync: typeof checkSync };
  export default recheck;
}
