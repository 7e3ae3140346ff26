// The version, injected by the bundler from package.json (falls back when run from source).
declare const __PRGUARD_VERSION__: string | undefined;
export const VERSION: string = typeof __PRGUARD_VERSION__ === 'string' ? __PRGUARD_VERSION__ : '0.0.0-dev';
