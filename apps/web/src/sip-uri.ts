/** `sip:` and the address, unless it starts with `sip:` already. */
export function sipUri(address: string): string {
  return address.startsWith('sip:') ? address : `sip:${address}`;
}
