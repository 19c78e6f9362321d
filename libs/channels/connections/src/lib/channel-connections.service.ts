import { ConflictException, Injectable, Optional } from '@nestjs/common';
import { ChannelLinks, ChannelProvider, ChannelRegistry, ChannelType, pacingProblems, providerSettings } from '@followup/channels-core';
import { ChannelConnectionDto, CreateChannelConnectionDto, UpdateChannelConnectionDto } from '@followup/contracts';
import { ChannelConnectionEntity, Repositories, Store } from '@followup/persistence';
import { Clock, isSealed, maskSecret, newId, notFound, throwIfProblems } from '@followup/util';

/** Channel connections of a location (`/channels`); their secrets are never answered in clear. */
@Injectable()
export class ChannelConnectionsService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly registry: ChannelRegistry,
    /** Builds the webhook URLs the answers show (none without it). */
    @Optional() private readonly links?: ChannelLinks,
  ) {}

  async create(locationId: string, dto: CreateChannelConnectionDto): Promise<ChannelConnectionDto> {
    const provider = this.registry.provider(dto.provider);
    if (!provider) {
      throwIfProblems([
        `provider must be one of: ${this.registry
          .allProviders()
          .map((p) => p.name)
          .join(', ')}`,
      ]);
    }
    if (provider && !provider.channels.includes(dto.type as ChannelType)) {
      throwIfProblems([`provider ${dto.provider} does not serve type ${dto.type} (it serves: ${provider.channels.join(', ')})`]);
    }
    const settings = provider?.completeSettings ? provider.completeSettings(dto.settings) : dto.settings;
    throwIfProblems([...pacingProblems(settings), ...(provider?.validateSettings(providerSettings(settings)) ?? [])]);
    return this.store.transaction(async (r) => {
      await this.agentMustExist(r, locationId, dto.default_agent_id);
      await this.referencesMustExist(r, locationId, provider, settings);
      const now = this.clock.now();
      const connection = Object.assign(new ChannelConnectionEntity(), {
        id: newId(),
        locationId,
        type: dto.type,
        provider: dto.provider,
        name: dto.name ?? `${dto.type} via ${dto.provider}`,
        settings,
        defaultAgentId: dto.default_agent_id ?? null,
        createdAt: now,
        updatedAt: now,
      });
      await r.channelConnections.insert(connection, provider?.secretSettings ?? []);
      // The secret is answered in full this once, so a generated one can be stored by the caller.
      return this.toDto(connection, false);
    });
  }

  async list(locationId: string): Promise<ChannelConnectionDto[]> {
    return (await this.store.run((r) => r.channelConnections.list(locationId))).map((c) => this.toDto(c));
  }

  async get(locationId: string, id: string): Promise<ChannelConnectionDto> {
    return this.toDto(await this.store.run((r) => this.find(r, locationId, id)));
  }

  async update(locationId: string, id: string, dto: UpdateChannelConnectionDto): Promise<ChannelConnectionDto> {
    return this.store.transaction(async (r) => {
      const connection = await this.find(r, locationId, id);
      // Writing back a secret that could not be decrypted would replace it with nothing.
      const unreadable = Object.keys(connection.unreadableSecrets ?? {}).filter((k) => dto.settings?.[k] === undefined);
      if (unreadable.length) {
        throw new ConflictException(
          `settings.${unreadable.join(', settings.')} of this connection cannot be decrypted with this gateway's secrets key: give ${unreadable.length > 1 ? 'them' : 'it'} again in the same request`,
        );
      }
      if (dto.settings) {
        // A secret sent back as the API showed it (masked) keeps its stored value.
        const secret = new Set(this.secretKeys(connection.provider));
        const given = Object.entries(dto.settings).filter(
          ([k, v]) => !(secret.has(k) && typeof connection.settings[k] === 'string' && v === maskSecret(connection.settings[k] as string)),
        );
        const settings = { ...connection.settings, ...Object.fromEntries(given) };
        const provider = this.registry.provider(connection.provider);
        throwIfProblems([...pacingProblems(settings), ...(provider?.validateSettings(providerSettings(settings)) ?? [])]);
        await this.referencesMustExist(r, locationId, provider, settings);
        connection.settings = settings;
      }
      await this.agentMustExist(r, locationId, dto.default_agent_id);
      if (dto.name !== undefined) connection.name = dto.name;
      if (dto.default_agent_id !== undefined) connection.defaultAgentId = dto.default_agent_id;
      connection.updatedAt = this.clock.now();
      await r.channelConnections.save(connection, this.secretKeys(connection.provider));
      return this.toDto(connection);
    });
  }

  async delete(locationId: string, id: string): Promise<void> {
    if (!(await this.store.run((r) => r.channelConnections.delete(locationId, id)))) throw notFound('Channel connection', id);
  }

  /**
   * Encrypts secrets stored in clear (connections written before encryption at rest, or by tools
   * without the key). Run at start; returns how many connections it changed.
   */
  async sealSecretsWrittenInClear(): Promise<number> {
    return this.store.transaction(async (r) => {
      let changed = 0;
      for (const stored of await r.channelConnections.listStored()) {
        const keys = this.secretKeys(stored.provider);
        if (!keys.some((k) => typeof stored.settings[k] === 'string' && !isSealed(stored.settings[k]))) continue;
        await r.channelConnections.save(stored, keys);
        changed++;
      }
      return changed;
    });
  }

  /** The provider serving a webhook namespace (`twilio`, `email`, ...), whichever connection a URL names. */
  webhookProvider(namespace: string): ChannelProvider | undefined {
    return this.registry.byWebhookNamespace(namespace) ?? undefined;
  }

  /**
   * The connection a webhook URL names, if it belongs to the provider serving that namespace.
   * Webhooks carry no token: the connection id (random, unguessable) says which tenant, and the
   * provider authenticates the request itself (signature, shared secret).
   */
  async forWebhook(
    namespace: string,
    connectionId: string,
  ): Promise<{ connection: Readonly<ChannelConnectionEntity>; provider: ChannelProvider } | null> {
    const provider = this.registry.byWebhookNamespace(namespace);
    if (!provider) return null;
    // Every webhook names its connection: read through the catalog (cached, secrets opened once).
    const connection = await this.store.catalog.connection(connectionId);
    if (!connection || connection.provider !== provider.name) return null;
    return { connection, provider };
  }

  /**
   * The connection of `provider` with this id, for public edges that name a connection without a
   * token (a live chat widget on a website): read through the catalog (cached, secrets opened once).
   */
  async ofProvider(provider: string, connectionId: string): Promise<Readonly<ChannelConnectionEntity> | null> {
    const connection = await this.store.catalog.connection(connectionId);
    return connection && connection.provider === provider ? connection : null;
  }

  private secretKeys(provider: string): readonly string[] {
    return this.registry.provider(provider)?.secretSettings ?? [];
  }

  private async agentMustExist(r: Repositories, locationId: string, agentId: string | undefined): Promise<void> {
    if (agentId && !(await r.conversationAgents.findById(locationId, agentId))) {
      throwIfProblems([`default_agent_id ${agentId} is not a Conversation AI agent of this location`]);
    }
  }

  /** Settings that name a resource of the location (a voice agent) must name one that exists: 422 naming the setting otherwise. */
  private async referencesMustExist(
    r: Repositories,
    locationId: string,
    provider: ChannelProvider | undefined,
    settings: Record<string, unknown>,
  ): Promise<void> {
    const problems: string[] = [];
    for (const [setting, kind] of Object.entries(provider?.settingReferences ?? {})) {
      const id = settings[setting];
      if (typeof id !== 'string') continue;
      switch (kind) {
        case 'voice_agent':
          if (!(await r.voiceAgents.findById(locationId, id)))
            problems.push(`settings.${setting} ${id} is not a Voice AI agent of this location`);
          break;
      }
    }
    throwIfProblems(problems);
  }

  private async find(r: Repositories, locationId: string, id: string): Promise<ChannelConnectionEntity> {
    const connection = await r.channelConnections.findById(locationId, id);
    if (!connection) throw notFound('Channel connection', id);
    return connection;
  }

  /** `<PUBLIC_BASE_URL>/webhooks/<namespace>/<id>/<hook>` for each hook of the provider. */
  private webhookUrls(c: ChannelConnectionEntity): { hook: string; url: string }[] {
    const webhooks = this.registry.provider(c.provider)?.webhooks;
    if (!webhooks || !this.links) return [];
    let base: string;
    try {
      base = this.links.webhookBase(webhooks.namespace, c.id);
    } catch {
      return []; // not listening yet: no base URL to show
    }
    return webhooks.hooks.map((hook) => ({ hook, url: `${base}/${hook}` }));
  }

  private toDto(c: ChannelConnectionEntity, mask = true): ChannelConnectionDto {
    const secret = new Set(this.registry.provider(c.provider)?.secretSettings ?? []);
    const settings = Object.fromEntries(
      Object.entries(c.settings).map(([k, v]) => [k, mask && secret.has(k) && typeof v === 'string' ? maskSecret(v) : v]),
    );
    // A secret sealed under another key reads as null: say so instead of showing nothing.
    for (const [key, why] of Object.entries(c.unreadableSecrets ?? {})) settings[key] = `(cannot be decrypted: ${why})`;
    return {
      id: c.id,
      type: c.type,
      provider: c.provider,
      name: c.name,
      settings,
      default_agent_id: c.defaultAgentId,
      webhook_urls: this.webhookUrls(c),
      created_at: c.createdAt.toISOString(),
      updated_at: c.updatedAt.toISOString(),
    };
  }
}
