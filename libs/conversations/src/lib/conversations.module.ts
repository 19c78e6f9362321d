import { Module } from '@nestjs/common';
import { IntentDetector, KeywordIntentDetector } from '@followup/detection';
import { ChannelEventsService } from './channel-events.service';
import { ContactsService } from './contacts.service';
import { ConversationsService } from './conversations.service';
import { UnsubscribeService } from './unsubscribe.service';

/**
 * Contacts, conversations, messages, channel events (webhooks) and unsubscribe links. Needs Store,
 * Clock, ChannelLinks and the scheduler's FollowupPlanner and OutboundSender.
 */
@Module({
  providers: [
    ContactsService,
    ConversationsService,
    ChannelEventsService,
    UnsubscribeService,
    { provide: IntentDetector, useClass: KeywordIntentDetector },
  ],
  exports: [ContactsService, ConversationsService, ChannelEventsService, UnsubscribeService],
})
export class ConversationsModule {}
