import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CreateTokenDto, IssuedTokenDto, TokenDto } from '@followup/contracts';
import { LocationTokensService, Principal } from '@followup/tenancy';
import { CurrentLocation, CurrentPrincipal, RequireScope } from '../auth/auth.decorators';

/** The caller's location's API tokens: listed without secrets, created with the caller's scopes at most, revoked. */
@ApiTags('Tokens')
@ApiBearerAuth()
@Controller('tokens')
export class TokensController {
  constructor(private readonly tokens: LocationTokensService) {}

  @Get()
  @RequireScope('tokens.readonly')
  list(@CurrentLocation() locationId: string): Promise<TokenDto[]> {
    return this.tokens.list(locationId);
  }

  /** The answer carries the secret (`token`): the only time it is shown. */
  @Post()
  @RequireScope('tokens.write')
  create(@CurrentPrincipal() caller: Principal, @Body() body: CreateTokenDto): Promise<IssuedTokenDto> {
    return this.tokens.create(caller, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequireScope('tokens.write')
  async revoke(@CurrentLocation() locationId: string, @Param('id') id: string): Promise<void> {
    await this.tokens.revoke(locationId, id);
  }
}
