import { Module } from '@nestjs/common';
import { IntentDetector, KeywordIntentDetector } from '@followup/detection';
import { ContactsService } from './contacts.service';
import { ConversationsService } from './conversations.service';

/** Contacts, conversations and messages. Needs Store, Clock and the scheduler's FollowupPlanner. */
@Module({
  providers: [ContactsService, ConversationsService, { provide: IntentDetector, useClass: KeywordIntentDetector }],
  exports: [ContactsService, ConversationsService],
})
export class ConversationsModule {}
