/**
 * Sealing for one receiver (docs/integrations/province.md): a value the receiver may have unmasked is sealed as our
 * own fields are (SM4-CBC, then HMAC-SM3: platform/field-crypto.ts), under keys derived from that receiver's API key.
 * Only the key's holder can open it — Gezhi keeps the key's hash only and derives the keys from the key presented —
 * and a file or a reply that leaks opens for nobody else.
 */
import { createHmac } from 'node:crypto';
import { createFieldCrypto, type FieldCrypto } from '../platform/field-crypto.ts';

const derive = (apiKey: string, label: string) => createHmac('sm3', apiKey).update(label).digest();

/** The receiver's own seal: `encrypt` seals for it, `decrypt` is what its platform runs to open a value. */
export function receiverSeal(apiKey: string): FieldCrypto {
  return createFieldCrypto({
    encKey: derive(apiKey, 'gezhi province seal').subarray(0, 16),
    hashKey: derive(apiKey, 'gezhi province hash'),
  });
}
