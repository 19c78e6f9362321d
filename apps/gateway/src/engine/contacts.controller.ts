import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ContactDto, ContactListDto, CreateContactDto, ListQuery, UpdateContactDto } from '@followup/contracts';
import { ContactsService } from '@followup/conversations';
import { CurrentLocation, RequireScope } from '../auth/auth.decorators';

@ApiTags('Contacts')
@ApiBearerAuth()
@Controller('contacts')
export class ContactsController {
  constructor(private readonly contacts: ContactsService) {}

  @Post()
  @RequireScope('followups.write')
  create(@CurrentLocation() locationId: string, @Body() body: CreateContactDto): Promise<ContactDto> {
    return this.contacts.create(locationId, body);
  }

  @Get()
  @RequireScope('followups.readonly')
  list(@CurrentLocation() locationId: string, @Query() query: ListQuery): Promise<ContactListDto> {
    return this.contacts.list(locationId, query);
  }

  @Get(':id')
  @RequireScope('followups.readonly')
  get(@CurrentLocation() locationId: string, @Param('id') id: string): Promise<ContactDto> {
    return this.contacts.get(locationId, id);
  }

  @Patch(':id')
  @RequireScope('followups.write')
  update(@CurrentLocation() locationId: string, @Param('id') id: string, @Body() body: UpdateContactDto): Promise<ContactDto> {
    return this.contacts.update(locationId, id, body);
  }
}
