import baseConfig, { allowVendorSdks } from '../../eslint.config.mjs';

// The ingest floor checks Twilio's signature with the SDK, as the gateway's Twilio channel does.
export default [...baseConfig, allowVendorSdks('twilio')];
