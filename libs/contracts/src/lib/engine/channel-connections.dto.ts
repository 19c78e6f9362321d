import { IsIn, IsNotEmpty, IsObject, IsString, MaxLength } from 'class-validator';
import { Optional, SHORT_TEXT } from '../validation';
import { CHANNEL_TYPES } from './channels';

/** Body of `POST /channels`: a connection of this location to a channel provider. */
export class CreateChannelConnectionDto {
  @IsIn(CHANNEL_TYPES) type!: string;
  @IsString() @IsNotEmpty() @MaxLength(64) provider!: string;
  @Optional() @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT) name?: string;
  /** Provider settings, validated by the provider (e.g. webhook: url, secret). */
  @IsObject() settings!: Record<string, unknown>;
  /** The agent new conversations on this connection get. */
  @Optional() @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT) default_agent_id?: string;
}

export class UpdateChannelConnectionDto {
  @Optional() @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT) name?: string;
  /** Merged into the stored settings (a secret left out keeps its value). */
  @Optional() @IsObject() settings?: Record<string, unknown>;
  @Optional() @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT) default_agent_id?: string;
}

export class ChannelConnectionDto {
  id!: string;
  type!: string;
  provider!: string;
  name!: string;
  /** Secret settings are masked. */
  settings!: Record<string, unknown>;
  default_agent_id!: string | null;
  /** The URLs to give the provider (Twilio's "A message comes in", Meta's callback URL), one per hook; empty for providers without webhooks. */
  webhook_urls!: WebhookUrlDto[];
  created_at!: string;
  updated_at!: string;
}

export class WebhookUrlDto {
  /** The hook's name (messages, status, inbound, events). */
  hook!: string;
  url!: string;
}
