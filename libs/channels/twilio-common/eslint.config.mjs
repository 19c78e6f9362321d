import baseConfig, { allowVendorSdks } from '../../../eslint.config.mjs';

export default [...baseConfig, allowVendorSdks('twilio')];
