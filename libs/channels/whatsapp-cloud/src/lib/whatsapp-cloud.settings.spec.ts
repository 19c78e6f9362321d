import { allowPrivateNetworks } from '@followup/util';
import { completeWhatsappSettings, messagesUrl, validateWhatsappSettings } from './whatsapp-cloud.settings';

const good = {
  phone_number_id: '106540352242922',
  access_token: 'EAAGm0PX4ZCpsBAFakeTokenForTests',
  app_secret: '0123456789abcdef0123456789abcdef',
  verify_token: 'a-verify-token',
};

describe('WhatsApp Cloud settings', () => {
  it('accepts a full connection, with a re-engagement template and a throughput', () => {
    expect(validateWhatsappSettings(good)).toEqual([]);
    const full = {
      ...good,
      api_base_url: 'https://graph.facebook.com',
      api_version: 'v21.0',
      waba_id: '102290129340398',
      reengagement_template: { name: 'reengagement_v1', language: 'pt_BR', params: ['{{contact.first_name}}'] },
      messages_per_second: 250,
    };
    expect(validateWhatsappSettings(full)).toEqual([]);
  });

  it('names every bad field, one line each', () => {
    expect(
      validateWhatsappSettings({
        phone_number_id: '+1 555 000',
        access_token: 'short',
        app_secret: 'not-hex',
        verify_token: 'has spaces in it',
        api_base_url: 'https://graph.facebook.com/v21.0',
        api_version: '21',
        waba_id: 'abc',
        messages_per_second: 0,
        colour: 'green',
      }),
    ).toEqual([
      'settings.phone_number_id must be the Phone number ID of the WhatsApp number (digits, from WhatsApp > API Setup)',
      "settings.access_token must be a system user's permanent access token with whatsapp_business_messaging",
      "settings.app_secret must be the Meta app's App Secret (32 hex digits, from App settings > Basic)",
      'settings.verify_token must be 8 to 256 printable characters without spaces (leave it out to have one generated)',
      'settings.api_base_url must be an http(s) URL without a path, such as https://graph.facebook.com',
      'settings.api_version must be a Graph API version such as v23.0',
      'settings.waba_id must be the WhatsApp Business Account ID (digits)',
      'settings.messages_per_second must be a number above 0 and at most 1000 (the Cloud API allows 80 by default)',
      'settings.colour is not a WhatsApp Cloud API setting (phone_number_id, access_token, app_secret, verify_token, api_base_url, api_version, waba_id, reengagement_template, messages_per_second)',
    ]);
  });

  it('refuses an api_base_url on a loopback or private address unless private networks are allowed', () => {
    allowPrivateNetworks(false);
    try {
      expect(validateWhatsappSettings({ ...good, api_base_url: 'http://169.254.169.254' })).toEqual([
        'settings.api_base_url: 169.254.169.254 is a link-local address; set ALLOW_PRIVATE_NETWORK_URLS=true to allow',
      ]);
      expect(validateWhatsappSettings({ ...good, api_base_url: 'https://graph.facebook.com' })).toEqual([]);
    } finally {
      allowPrivateNetworks(true);
    }
    expect(validateWhatsappSettings({ ...good, api_base_url: 'http://127.0.0.1:8080' })).toEqual([]);
  });

  it('checks the re-engagement template field by field', () => {
    expect(validateWhatsappSettings({ ...good, reengagement_template: 'hello_world' })).toEqual([
      'settings.reengagement_template must be an object {name, language, params}',
    ]);
    expect(
      validateWhatsappSettings({ ...good, reengagement_template: { name: 'Hello World', language: 'English', params: ['', 3], x: 1 } }),
    ).toEqual([
      "settings.reengagement_template.name must be an approved template's name (lower-case letters, digits and underscores)",
      "settings.reengagement_template.language must be the template's language code, such as en or pt_BR",
      'settings.reengagement_template.params must be a list of non-empty texts (at most 1024 characters each)',
      'settings.reengagement_template.x is not a template field (name, language, params)',
    ]);
    expect(validateWhatsappSettings({ ...good, reengagement_template: { name: 'hello_world', language: 'en_US' } })).toEqual([]);
  });

  it('generates a verify token when it is left out, and keeps a given one', () => {
    const { verify_token: _given, ...rest } = good;
    const completed = completeWhatsappSettings(rest);
    expect(completed['verify_token']).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(validateWhatsappSettings(completed)).toEqual([]);
    expect(completeWhatsappSettings(good)['verify_token']).toBe('a-verify-token');
  });

  it('builds the messages endpoint from the base URL, the version and the phone number id', () => {
    expect(messagesUrl(good)).toBe('https://graph.facebook.com/v23.0/106540352242922/messages');
    expect(messagesUrl({ ...good, api_base_url: 'http://127.0.0.1:8080/', api_version: 'v21.0' })).toBe(
      'http://127.0.0.1:8080/v21.0/106540352242922/messages',
    );
  });
});
