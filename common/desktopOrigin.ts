/**
 * The desktop app serves its built page from its own scheme, so the page has a real origin
 * (not file://). The Electron main process registers it; the server allows it for CORS.
 */
export const DESKTOP_APP_SCHEME = 'parta-app';
export const DESKTOP_APP_HOST = 'renderer';
export const DESKTOP_APP_ORIGIN = `${DESKTOP_APP_SCHEME}://${DESKTOP_APP_HOST}`;
