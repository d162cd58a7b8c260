import type { LiveClientSettings } from './live-client';

/** Settings of a vendor signed in with OAuth client credentials (FedEx, UPS). */
export interface OAuthVendorSettings {
  /** The API base, e.g. https://apis.fedex.com. */
  url: string;
  clientId: string;
  clientSecret: string;
  account: string;
  client: LiveClientSettings;
}
