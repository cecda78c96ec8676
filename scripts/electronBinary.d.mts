/** Path of Electron's binary when it is on this machine (honouring ELECTRON_OVERRIDE_DIST_PATH), else null; never downloads. */
export function electronBinary(): string | null;
/** Asks the electron package to fetch its binary once; the path, or null where it cannot. */
export function fetchElectronBinary(): string | null;
