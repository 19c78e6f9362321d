import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { E164_RE, intParam, IsEmailAddress, IsIanaTimezone, IsIntParam, Optional, SHORT_TEXT } from '../validation';

/** Per-channel opt-out flags; true means no follow-up is ever sent to the contact on that channel. */
export class OptOutFlagsDto {
  @Optional() @IsBoolean() sms?: boolean;
  @Optional() @IsBoolean() email?: boolean;
  @Optional() @IsBoolean() whatsapp?: boolean;
  @Optional() @IsBoolean() voice?: boolean;
  @Optional() @IsBoolean() live_chat?: boolean;
}

const phone = (field: string) => Matches(E164_RE, { message: `${field} must be an E.164 phone number such as +14155550123` });

/** At most this many tags on a contact. */
export const MAX_TAGS = 50;

/** Body of `POST /contacts`; fields that can be cleared take null in `PATCH`. */
export class CreateContactDto {
  @IsOptional() @IsString() @MaxLength(SHORT_TEXT) name?: string | null;
  @IsOptional() @IsString() @MaxLength(SHORT_TEXT) first_name?: string | null;
  @IsOptional() @phone('phone') phone?: string | null;
  @IsOptional() @IsEmailAddress() @MaxLength(SHORT_TEXT) email?: string | null;
  @IsOptional() @phone('whatsapp') whatsapp?: string | null;
  /** The contact's IANA zone (follow-ups with `timezoneToUse: contact` use it). */
  @IsOptional() @IsIanaTimezone() timezone?: string | null;
  @Optional() @ValidateNested() @Type(() => OptOutFlagsDto) opted_out?: OptOutFlagsDto;
  /** Labels for the contact (duplicates are dropped); in `PATCH` the list replaces the current one. */
  @Optional()
  @IsArray()
  @ArrayMaxSize(MAX_TAGS)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(SHORT_TEXT, { each: true })
  tags?: string[];
}

export class UpdateContactDto extends CreateContactDto {}

export class ListQuery {
  @Optional() @Transform(intParam) @IsIntParam(1, 100) limit?: number;
  @Optional() @IsString() @MaxLength(512) cursor?: string;
}

export class ContactDto {
  id!: string;
  name!: string | null;
  first_name!: string | null;
  phone!: string | null;
  email!: string | null;
  whatsapp!: string | null;
  timezone!: string | null;
  opted_out!: Record<string, boolean>;
  /** Channels whose address failed for good (bounced email, a number the carrier refuses); cleared when that address changes. */
  undeliverable!: string[];
  tags!: string[];
  created_at!: string;
  updated_at!: string;
}

export class ContactListDto {
  data!: ContactDto[];
  next_cursor!: string | null;
}
