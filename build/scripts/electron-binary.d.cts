export type ElectronBinary = { found: true; path: string } | { found: false; reason: string; reasonEn: string };
export function findElectronBinary(root: string, env?: NodeJS.ProcessEnv): ElectronBinary;
