import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { Optional, SHORT_TEXT } from '../validation';
import { SCOPES, Scope } from './scopes';

/** Body of `POST /tokens`: a new token of the caller's location, with scopes the caller holds itself. */
export class CreateTokenDto {
  @Optional() @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT) name?: string;
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(SCOPES.length)
  @IsIn(SCOPES, { each: true, message: `each value in scopes must be one of: ${SCOPES.join(', ')}` })
  scopes!: Scope[];
}

/** A token as listed: never its secret, only the first characters to recognise it. */
export class TokenDto {
  id!: string;
  name!: string;
  /** The first 12 characters of the token (`fgw_` and 8 more). */
  prefix!: string;
  scopes!: string[];
  created_at!: string;
  last_used_at!: string | null;
  /** Set once revoked: the token is refused from then on. */
  revoked_at!: string | null;
}

/** The answer of `POST /tokens`: the only time the secret is shown. */
export class IssuedTokenDto extends TokenDto {
  token!: string;
}
