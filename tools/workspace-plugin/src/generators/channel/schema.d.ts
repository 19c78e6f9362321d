export interface ChannelGeneratorSchema {
  name: string;
  channel?: 'sms' | 'email' | 'whatsapp' | 'live_chat' | 'voice';
  skipFormat?: boolean;
}
