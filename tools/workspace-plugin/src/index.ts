export { channelGenerator } from './generators/channel/generator';
export type { ChannelGeneratorSchema } from './generators/channel/schema';
