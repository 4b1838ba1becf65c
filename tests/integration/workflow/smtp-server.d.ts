// smtp-server ships without types; the tests use a small part of it.
declare module 'smtp-server' {
  export class SMTPServer {
    constructor(opts: Record<string, unknown>);
    listen(port: number, host: string, cb: () => void): void;
    close(cb: () => void): void;
  }
}
