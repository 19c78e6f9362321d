export * from './lib/whatsapp-cloud-channel';
