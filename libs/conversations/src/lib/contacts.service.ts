import { Injectable } from '@nestjs/common';
import { ContactDto, ContactListDto, CreateContactDto, ListQuery, OptOutFlagsDto, UpdateContactDto } from '@followup/contracts';
import { ContactEntity, Repositories, Store, conflictOnDuplicate } from '@followup/persistence';
import { Clock, decodeCursor, encodeCursor, newId, notFound, throwIfProblems } from '@followup/util';
import { toContactDto } from './mappers';

/** Applies opt-out flags (true adds the channel, false removes it) to a contact's list. */
export function applyOptOuts(current: string[], flags: OptOutFlagsDto | undefined): string[] {
  const set = new Set(current);
  for (const [channel, out] of Object.entries(flags ?? {})) {
    if (out === true) set.add(channel);
    if (out === false) set.delete(channel);
  }
  return [...set].sort();
}

/** A contact's tags: each once, in the order first given. */
export function uniqueTags(tags: string[]): string[] {
  return [...new Set(tags)];
}

const DUPLICATE = 'another contact of this location has the same phone or email';

export async function pageQuery<T extends { createdAt: Date; id: string }>(
  q: ListQuery,
  fetch: (page: { limit: number; after?: { createdAt: number; id: string } }) => Promise<T[]>,
): Promise<{ rows: T[]; next_cursor: string | null }> {
  const limit = q.limit ?? 20;
  const after = q.cursor !== undefined ? decodeCursor(q.cursor) : undefined;
  throwIfProblems(after === null ? ['cursor is not a next_cursor this API returned'] : []);
  const rows = await fetch({ limit: limit + 1, after: after ?? undefined });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { rows: page, next_cursor: rows.length > limit && last ? encodeCursor(last) : null };
}

@Injectable()
export class ContactsService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  async create(locationId: string, dto: CreateContactDto): Promise<ContactDto> {
    const now = this.clock.now();
    const contact = Object.assign(new ContactEntity(), {
      id: newId(),
      locationId,
      name: dto.name ?? null,
      firstName: dto.first_name ?? null,
      phone: dto.phone ?? null,
      email: dto.email?.toLowerCase() ?? null,
      whatsapp: dto.whatsapp ?? null,
      timezone: dto.timezone ?? null,
      optedOut: applyOptOuts([], dto.opted_out),
      undeliverable: null,
      tags: uniqueTags(dto.tags ?? []),
      createdAt: now,
      updatedAt: now,
    });
    // A transaction, not a plain run: it commits with the other requests' writes (group commit), not alone.
    await conflictOnDuplicate(DUPLICATE, () =>
      this.store.transaction((r) => r.contacts.insert(contact), { lane: `api:contact:${locationId}:${contact.id}` }),
    );
    return toContactDto(contact);
  }

  async get(locationId: string, id: string): Promise<ContactDto> {
    return toContactDto(await this.store.run((r) => this.find(r, locationId, id)));
  }

  async list(locationId: string, q: ListQuery): Promise<ContactListDto> {
    const { rows, next_cursor } = await pageQuery(q, (page) => this.store.run((r) => r.contacts.list(locationId, page)));
    return { data: rows.map(toContactDto), next_cursor };
  }

  async update(locationId: string, id: string, dto: UpdateContactDto): Promise<ContactDto> {
    return conflictOnDuplicate(DUPLICATE, () =>
      this.store.transaction(async (r) => {
        const contact = await this.find(r, locationId, id);
        const set = <K extends keyof ContactEntity>(key: K, value: ContactEntity[K] | undefined) => {
          if (value !== undefined) contact[key] = value;
        };
        // A new address is a fresh chance: the channels whose old address failed are usable again.
        const changed = (field: 'phone' | 'email' | 'whatsapp', value: string | null | undefined) =>
          value !== undefined && value !== contact[field];
        const retry = [
          ...(changed('phone', dto.phone) ? ['sms', 'voice'] : []),
          ...(changed('email', dto.email?.toLowerCase() ?? dto.email) ? ['email'] : []),
          ...(changed('whatsapp', dto.whatsapp) ? ['whatsapp'] : []),
        ];
        if (retry.length && contact.undeliverable?.length) contact.undeliverable = contact.undeliverable.filter((c) => !retry.includes(c));
        set('name', dto.name);
        set('firstName', dto.first_name);
        set('phone', dto.phone);
        set('email', dto.email === undefined || dto.email === null ? dto.email : dto.email.toLowerCase());
        set('whatsapp', dto.whatsapp);
        set('timezone', dto.timezone);
        contact.optedOut = applyOptOuts(contact.optedOut, dto.opted_out);
        if (dto.tags !== undefined) contact.tags = uniqueTags(dto.tags);
        contact.updatedAt = this.clock.now();
        await r.contacts.save(contact);
        return toContactDto(contact);
      }),
    );
  }

  private async find(r: Repositories, locationId: string, id: string): Promise<ContactEntity> {
    const contact = await r.contacts.findById(locationId, id);
    if (!contact) throw notFound('Contact', id);
    return contact;
  }
}
