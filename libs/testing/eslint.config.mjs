import baseConfig, { allowVendorSdks, vendorSdks } from '../../eslint.config.mjs';

// Provider doubles speak the vendors' protocols and sign with the vendor SDKs' own helpers.
export default [...baseConfig, allowVendorSdks(...vendorSdks)];
