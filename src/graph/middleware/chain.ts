import type { Context, Middleware } from '@microsoft/microsoft-graph-client';

/** Base for our middleware: holds the next link of the chain, as the Graph SDK expects. */
export abstract class ChainedMiddleware implements Middleware {
  private next: Middleware | undefined;

  setNext(next: Middleware): void {
    this.next = next;
  }

  protected async callNext(context: Context): Promise<void> {
    if (!this.next) throw new Error(`${this.constructor.name} is the last middleware; the fetch handler must follow it.`);
    await this.next.execute(context);
  }

  abstract execute(context: Context): Promise<void>;
}

/** Reads and writes request headers whatever shape the SDK handed us (Headers, array or record). */
export function setHeader(context: Context, name: string, value: string): void {
  const options = (context.options ??= {});
  const headers = options.headers;
  if (headers instanceof Headers) headers.set(name, value);
  else if (Array.isArray(headers)) {
    const kept = headers.filter(([key]) => key.toLowerCase() !== name.toLowerCase());
    options.headers = [...kept, [name, value]];
  } else {
    const record: Record<string, string> = { ...(headers as Record<string, string> | undefined) };
    for (const key of Object.keys(record)) if (key.toLowerCase() === name.toLowerCase()) delete record[key];
    record[name] = value;
    options.headers = record;
  }
}

export function getHeader(context: Context, name: string): string | undefined {
  const headers = context.options?.headers;
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const entries = Array.isArray(headers) ? headers : Object.entries(headers as Record<string, string>);
  return entries.find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];
}

export function requestUrl(context: Context): string {
  return typeof context.request === 'string' ? context.request : context.request.url;
}

export function requestMethod(context: Context): string {
  return (context.options?.method ?? 'GET').toUpperCase();
}
