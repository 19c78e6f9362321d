import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ConversationTypingDto } from '@followup/contracts';
import { ChatVisitorsService } from '@followup/conversations';
import { CurrentLocation, RequireScope } from '../auth/auth.decorators';
import { LiveChatGateway } from './live-chat.gateway';

/** The gateway-to-visitor half of `typing`: a bot or an agent about to answer says so, and the widget shows "… is typing". */
@ApiTags('Conversations')
@ApiBearerAuth()
@Controller('conversations')
export class ChatTypingController {
  constructor(
    private readonly visitors: ChatVisitorsService,
    private readonly chat: LiveChatGateway,
  ) {}

  /** Shows (typing: true) or clears (false) the typing indicator in every open tab of a live chat visitor. */
  @Post(':id/typing')
  @RequireScope('followups.write')
  @HttpCode(204)
  async typing(@CurrentLocation() locationId: string, @Param('id') id: string, @Body() body: ConversationTypingDto): Promise<void> {
    this.chat.typingTo(await this.visitors.visitorOf(locationId, id), body.typing);
  }
}
