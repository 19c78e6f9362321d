import baseConfig from '../../../eslint.config.mjs';

// When the adapter uses a vendor SDK, add it to vendorSdks in the root config and allow it here:
// export default [...baseConfig, allowVendorSdks('the-sdk')];
export default [...baseConfig];
