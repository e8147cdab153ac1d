/**
 * Exchange item ids in the two forms Outlook deals in. An EWS id and a REST id (Graph's `id`) are the same
 * bytes in base64: EWS uses the standard alphabet (`+`, `/`), REST the URL-safe one (`-`, `_`)
 * (docs-ref-autogen/outlook/outlook/office.mailbox.yml, convertToRestId / convertToEwsId: "Item IDs retrieved
 * via EWS or via the itemId property use a different format than the format used by REST APIs").
 * Graph's immutable ids are neither: they come only from `Prefer: IdType="ImmutableId"` or translateExchangeIds.
 */
export const ewsToRest = (ewsId: string): string => ewsId.replace(/\//g, '-').replace(/\+/g, '_');
export const restToEws = (restId: string): string => restId.replace(/-/g, '/').replace(/_/g, '+');

/** A string EWS could parse as an id: standard base64 only. A REST id with `-` or `_` in it is not one. */
export const isEwsForm = (id: string): boolean => /^[A-Za-z0-9+/]+=*$/.test(id);
