/** The header server/main.ts sets on every request to the client's socket address. */
export const CLIENT_ADDRESS_HEADER = "x-ga-client-address";

export function clientAddress(request: Request): string {
  return request.headers.get(CLIENT_ADDRESS_HEADER) ?? "unknown";
}
