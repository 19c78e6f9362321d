/** Channels a conversation can run on (shared by the API, the engine and the channel plugins). */
export const CHANNEL_TYPES = ['sms', 'email', 'whatsapp', 'live_chat', 'voice'] as const;
export type ChannelType = (typeof CHANNEL_TYPES)[number];
