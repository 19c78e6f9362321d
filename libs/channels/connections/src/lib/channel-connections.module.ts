import { Module } from '@nestjs/common';
import { ChannelConnectionsService } from './channel-connections.service';

/** `/channels`: a location's connections to channel providers. Needs Store, Clock, ChannelRegistry. */
@Module({ providers: [ChannelConnectionsService], exports: [ChannelConnectionsService] })
export class ChannelConnectionsModule {}
