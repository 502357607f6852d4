import '@testing-library/jest-dom/vitest';
import { File as NodeFile } from 'node:buffer';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { server } from '../../mocks/node';

// What jsdom lacks and MUI or react-admin reach for: media queries (responsive layout),
// ResizeObserver (tab indicators) and scrolling (react-admin scrolls to the top on navigation).
if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList;
}
if (!window.ResizeObserver) {
  window.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}
// Pointer events (the photo viewer's pan): jsdom has none, and an Event made in their place
// would drop the pointer's coordinates.
if (!window.PointerEvent) {
  window.PointerEvent = class PointerEvent extends MouseEvent {
    readonly pointerId: number;
    constructor(type: string, init: PointerEventInit = {}) {
      super(type, init);
      this.pointerId = init.pointerId ?? 0;
    }
  } as typeof window.PointerEvent;
}
window.scrollTo = () => undefined;
Element.prototype.scrollIntoView = () => undefined;

// Uploads (credential documents) cross from jsdom's Blob, File and FormData to Node's fetch and
// back into the server, which runs in this realm too; a browser has one of each and none of this.
//
// A multipart request reaches the MSW handler with headers of another realm's Headers class, and
// `new Headers(thoseHeaders)` keeps only their content type, dropping the CSRF header and the
// cookie. Copied entry by entry, they all survive.
const RealmHeaders = globalThis.Headers;
globalThis.Headers = class Headers extends RealmHeaders {
  constructor(init?: HeadersInit) {
    const foreign =
      init !== undefined &&
      typeof init === 'object' &&
      !(init instanceof RealmHeaders) &&
      Symbol.iterator in init;
    super(foreign ? [...(init as Iterable<[string, string]>)] : init);
  }
};
// jsdom's FormData is not one Node's fetch can send: a file in it would arrive named "blob". The
// console's uploads are built with Node's FormData instead, and tests give them Node's files.
globalThis.FormData = (await new Response(new URLSearchParams()).formData()).constructor as typeof FormData;
// The server runs in this realm too: the files it parses from a multipart body are Node's, and
// its `instanceof File` asks jsdom's File, which would refuse them as no file at all.
const JsdomFile = globalThis.File;
Object.defineProperty(JsdomFile, Symbol.hasInstance, {
  value: (value: unknown) =>
    Function.prototype[Symbol.hasInstance].call(JsdomFile, value) || value instanceof NodeFile,
});

// A ceiling for findBy/waitFor, not a speed requirement: the whole app renders in jsdom
// behind a real API, and a slow CI machine should not turn a correct screen into a failure.
configure({ asyncUtilTimeout: 30_000 });

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  cleanup();
  server.resetHandlers();
});
afterAll(() => server.close());
