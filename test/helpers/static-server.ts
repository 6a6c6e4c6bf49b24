/** The static file server of browser tests lives in src/lib (the search benchmark uses it too). */
export { serveStatic, type ServeOptions, type StaticServer } from '../../tools/static-server.ts';
